namespace Dashboard.Core.Audit;

/// <summary>
/// One append-only, hash-chained audit record. <see cref="Hash"/> covers the canonical form of this entry and
/// <see cref="PreviousHash"/>, so any edit, deletion or reordering breaks the chain from that entry on.
/// People are referred to by id inside the chained fields so personal data can be pseudonymized later.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>Identity user id, or "system".</summary>
    public required string Actor { get; set; }

    /// <summary>Dotted verb such as <c>device.transferred</c>.</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public string? Reason { get; set; }

    /// <summary>Canonical JSON (jsonb in the database would reorder keys, so it is stored as text).</summary>
    public string? Data { get; set; }

    /// <summary>
    /// The correlation id of the request that made the change, to find its log lines. Deliberately outside the
    /// chained fields: <see cref="AuditChain"/> does not cover it, so existing chains verify unchanged and the chain
    /// never depends on a value a caller chose. It is a pointer into the logs, not evidence (see decision 0019).
    /// </summary>
    public string? CorrelationId { get; set; }

    public required byte[] PreviousHash { get; set; }
    public required byte[] Hash { get; set; }
}
