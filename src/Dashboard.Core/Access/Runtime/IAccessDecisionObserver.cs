namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// Hears every decision, for telemetry (counters, the not_owner record, last-used times). Called on the hot path after
/// the decision is made: implementations must be fast and must not throw or block; anything slow belongs on a queue.
/// </summary>
public interface IAccessDecisionObserver
{
    void Decided(in AccessRequest request, DecisionOutcome outcome);

    void Listed(Guid integrationId, Guid accountId, VisibleDevicesOutcome outcome);
}

/// <summary>The default: nobody listens.</summary>
public sealed class NoAccessDecisionObserver : IAccessDecisionObserver
{
    public void Decided(in AccessRequest request, DecisionOutcome outcome)
    {
    }

    public void Listed(Guid integrationId, Guid accountId, VisibleDevicesOutcome outcome)
    {
    }
}
