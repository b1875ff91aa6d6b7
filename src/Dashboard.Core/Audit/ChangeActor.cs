namespace Dashboard.Core.Audit;

/// <summary>Who makes a change, as each record needs them.</summary>
/// <param name="AuditId">What the audit chain records: an Identity user id, or <see cref="AuditLog.System"/>.</param>
/// <param name="UserId">The Identity user id, or null for the system.</param>
/// <param name="Label">What people read: the user's email, or "system".</param>
public sealed record ChangeActor(string AuditId, string? UserId, string Label)
{
    public static readonly ChangeActor System = new(AuditLog.System, null, AuditLog.System);
}
