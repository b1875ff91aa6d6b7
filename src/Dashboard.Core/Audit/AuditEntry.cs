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
    /// <summary>
    /// The reason as typed. For entries with a <see cref="ReasonDigest"/> it is outside the chained fields (the digest
    /// is chained instead), so erasure can clear it without breaking the chain; null once erased.
    /// </summary>
    public string? Reason { get; set; }

    /// <summary>
    /// <c>sha256:</c> and the hex SHA-256 of <see cref="ReasonSalt"/> followed by the reason's UTF-8 bytes; chained in
    /// place of the reason. Null for entries written before reasons were committed this way (their reason is chained
    /// as is) and for entries without a reason. See decision 0029.
    /// </summary>
    public string? ReasonDigest { get; set; }

    /// <summary>Random bytes that keep a short reason from being guessed from its digest; cleared with the reason.</summary>
    public byte[]? ReasonSalt { get; set; }

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
