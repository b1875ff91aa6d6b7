namespace Dashboard.Core.KillSwitches;

/// <summary>A suspension of access. Firing is one step; lifting takes a request and a second admin's approval.</summary>
public sealed class KillSwitch
{
    public Guid Id { get; set; }
    public required KillSwitchScope Scope { get; set; }
    public required string Reason { get; set; }
    public string? Incident { get; set; }
    public required string ActivatedBy { get; set; }
    public DateTime ActivatedAt { get; set; }

    /// <summary>The policy revision the switch was fired at.</summary>
    public long Revision { get; set; }

    public string? LiftRequestedBy { get; set; }
    public DateTime? LiftRequestedAt { get; set; }
    public string? LiftReason { get; set; }
    public string? LiftApprovedBy { get; set; }
    public DateTime? LiftApprovedAt { get; set; }

    /// <summary>Derived, never stored, so it cannot disagree with the timestamps.</summary>
    public KillSwitchStatus Status =>
        LiftApprovedAt is not null ? KillSwitchStatus.Lifted
        : LiftRequestedAt is not null ? KillSwitchStatus.PendingApproval
        : KillSwitchStatus.Active;

    /// <summary>A switch denies until its lift is approved (a pending lift still denies).</summary>
    public bool Denies => LiftApprovedAt is null;
}

public enum KillSwitchStatus
{
    Active,
    PendingApproval,
    Lifted,
}
