namespace Dashboard.Core.KillSwitches;

/// <summary>
/// One kill switch as the admin pages show it: the whole lifecycle, with the people named by email (audit entries
/// and the switch itself store user ids).
/// </summary>
public sealed record KillSwitchRecord(
    Guid Id,
    KillSwitchScope Scope,
    string Reason,
    string? Incident,
    KillSwitchStatus Status,
    long Revision,
    StaffMember ActivatedBy,
    DateTime ActivatedAt,
    StaffMember? LiftRequestedBy,
    DateTime? LiftRequestedAt,
    string? LiftReason,
    StaffMember? LiftApprovedBy,
    DateTime? LiftApprovedAt);

/// <summary>A person who acted: the id the audit log names, and an email to show (the id itself when the user is gone).</summary>
public sealed record StaffMember(string Id, string Display);

/// <summary>Which switches a history page lists.</summary>
public enum KillSwitchListFilter
{
    /// <summary>Still denying: active, or with a lift pending approval.</summary>
    Denying,

    Lifted,
}
