namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// Hears every decision, for telemetry (counters, the not_owner record, last-used times). Any number may be registered
/// with <c>services.AddSingleton&lt;IAccessDecisionObserver, T&gt;()</c>; each is called in turn on the hot path after
/// the decision is made: implementations must be fast and must not throw or block; anything slow belongs on a queue.
/// </summary>
public interface IAccessDecisionObserver
{
    void Decided(in AccessRequest request, DecisionOutcome outcome);

    void Listed(Guid integrationId, Guid accountId, VisibleDevicesOutcome outcome);
}
