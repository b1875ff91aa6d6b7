namespace Dashboard.Core.Access;

/// <summary>
/// The answer to an <see cref="AccessRequest"/>: allow or deny, the reason, and the policy revision it was decided
/// at. Built only through <see cref="Allow"/> and <see cref="Deny"/>, and <see cref="Decision"/> is derived from the
/// reason, so an "allow" with a deny reason (or the reverse) cannot be written.
/// </summary>
public sealed record AccessDecision
{
    private AccessDecision(DecisionReason reason, long revision)
    {
        Reason = reason;
        Revision = revision;
    }

    public Decision Decision => Reason == DecisionReason.Allowed ? Decision.Allow : Decision.Deny;
    public DecisionReason Reason { get; }
    public long Revision { get; }
    public bool IsAllowed => Decision == Decision.Allow;

    public static AccessDecision Allow(long revision) => new(DecisionReason.Allowed, revision);

    public static AccessDecision Deny(DecisionReason reason, long revision) =>
        reason == DecisionReason.Allowed
            ? throw new ArgumentOutOfRangeException(nameof(reason), reason, "A deny needs a deny reason.")
            : new AccessDecision(reason, revision);
}
