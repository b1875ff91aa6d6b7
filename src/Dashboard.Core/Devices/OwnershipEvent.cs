namespace Dashboard.Core.Devices;

/// <summary>
/// One entry of the append-only ownership ledger. "Who owned device D at time T" is the
/// <see cref="ToAccountId"/> of the last event for D at or before T.
/// </summary>
public sealed class OwnershipEvent
{
    public long Id { get; set; }
    public Guid DeviceId { get; set; }
    public OwnershipEventKind Kind { get; set; }
    public Guid? FromAccountId { get; set; }
    public Guid? ToAccountId { get; set; }

    /// <summary>Identity user id of the person or token that made the change; null for the system (seeding).</summary>
    public string? ActorUserId { get; set; }

    /// <summary>What to show for the actor: an email, or "system".</summary>
    public required string ActorLabel { get; set; }

    public required string Reason { get; set; }
    public DateTime At { get; set; }
}

public enum OwnershipEventKind
{
    Claimed,
    Transferred,
    Released,
}
