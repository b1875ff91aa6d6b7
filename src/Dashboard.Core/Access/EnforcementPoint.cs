namespace Dashboard.Core.Access;

/// <summary>A running instance that answers access checks, with the revision it has applied and its lease.</summary>
public sealed class EnforcementPoint
{
    public required string InstanceId { get; set; }
    public required string Host { get; set; }
    public long AppliedRevision { get; set; }

    /// <summary>When the last lease renewal was sent (the lease counts from then, not from when it landed).</summary>
    public DateTime HeartbeatAt { get; set; }

    public DateTime StartedAt { get; set; }
}
