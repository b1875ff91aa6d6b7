namespace Dashboard.Core.Access.Telemetry;

/// <summary>One row of <c>device_decision_counts</c>: decisions of one service about one camera of one account.</summary>
public readonly record struct DeviceActivityKey(
    DateTime Minute, Guid AccountId, Guid IntegrationId, string Serial, AccessActions Action, DecisionReason Reason)
    : IMinuteKey<DeviceActivityKey>
{
    /// <summary>The primary key's order.</summary>
    public int CompareTo(DeviceActivityKey other)
    {
        var c = AccountId.CompareTo(other.AccountId);
        if (c == 0)
        {
            c = Minute.CompareTo(other.Minute);
        }
        if (c == 0)
        {
            c = IntegrationId.CompareTo(other.IntegrationId);
        }
        if (c == 0)
        {
            c = string.CompareOrdinal(Serial, other.Serial);
        }
        if (c == 0)
        {
            c = ((int)Action).CompareTo((int)other.Action);
        }
        return c != 0 ? c : ((int)Reason).CompareTo((int)other.Reason);
    }
}

/// <summary>A count to add to a <see cref="DeviceActivityKey"/> row.</summary>
public readonly record struct DeviceActivityDelta(DeviceActivityKey Key, long Count) : ITallyDelta<DeviceActivityDelta, DeviceActivityKey>
{
    public static DeviceActivityDelta Of(DeviceActivityKey key, long count) => new(key, count);
}

/// <summary>
/// Decisions counted per camera for the customer's activity list. The keys are many (one per account, service, camera,
/// action and reason each minute), so the tally holds at most <c>capacity</c> of them; the key reuses the request's
/// strings, so only a new key allocates.
/// </summary>
public sealed class DeviceActivityTally(int capacity) : MinuteTally<DeviceActivityKey, DeviceActivityDelta>(capacity);
