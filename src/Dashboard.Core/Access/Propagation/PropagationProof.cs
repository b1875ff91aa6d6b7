namespace Dashboard.Core.Access.Propagation;

/// <summary>
/// Evidence that a change reached every enforcement point: of the <see cref="EnforcementPoints"/> that held a live
/// lease when the wait began, <see cref="Confirmed"/> reported the revision as applied and <see cref="Expired"/> let
/// their lease lapse (so they no longer answer from memory). Complete when the two add up.
/// </summary>
public sealed record PropagationProof(int Confirmed, int EnforcementPoints, int Expired, double ElapsedMs)
{
    public bool IsComplete => Confirmed + Expired == EnforcementPoints;
}

/// <summary>A propagation wait that did not complete in time; the change itself is committed.</summary>
public sealed class PropagationTimeoutException(long revision, PropagationProof progress)
    : TimeoutException($"Revision {revision} was not confirmed by every enforcement point in time ({progress}).")
{
    public long Revision { get; } = revision;
    public PropagationProof Progress { get; } = progress;
}
