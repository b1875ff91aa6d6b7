using Dashboard.Core.Access.Propagation;

namespace Dashboard.Core.KillSwitches;

/// <summary>A fired switch: committed at <see cref="Revision"/> and confirmed by every enforcement point.</summary>
public sealed record FiredKillSwitch(Guid Id, long Revision, BlastRadius BlastRadius, PropagationProof Propagation)
{
    /// <summary>
    /// From the start of the fire to confirmed propagation, without the blast radius (counted in parallel after the
    /// commit): how long firing itself takes, whatever the fleet's size.
    /// </summary>
    public TimeSpan UntilPropagated { get; init; }
}

/// <summary>One switch as the history list shows it.</summary>
public sealed record KillSwitchSummary(
    Guid Id,
    KillSwitchScope Scope,
    string Reason,
    string? Incident,
    KillSwitchStatus Status,
    string ActivatedBy,
    DateTime ActivatedAt,
    long Revision);

/// <summary>Why a lift step did or did not happen; the API maps each to its status code.</summary>
public enum LiftOutcome
{
    Done,
    NotFound,

    /// <summary>Already lifted, a lift already pending (request), or nothing pending (approve).</summary>
    Conflict,

    /// <summary>The approver is the admin who requested the lift: lifting takes two people.</summary>
    SameAdmin,
}

/// <summary>The result of a lift step; <see cref="Propagation"/> is set once an approved lift has propagated.</summary>
public sealed record LiftResult(LiftOutcome Outcome, KillSwitchStatus? Status = null, PropagationProof? Propagation = null)
{
    public static readonly LiftResult NotFound = new(LiftOutcome.NotFound);
}
