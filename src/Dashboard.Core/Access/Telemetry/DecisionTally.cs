namespace Dashboard.Core.Access.Telemetry;

/// <summary>One row of <c>decision_counters</c>: decisions of one integration with one reason in one minute (UTC).</summary>
public readonly record struct CounterKey(DateTime Minute, Guid IntegrationId, DecisionReason Reason) : IMinuteKey<CounterKey>
{
    public static DateTime MinuteOf(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);

    public int CompareTo(CounterKey other)
    {
        var byMinute = Minute.CompareTo(other.Minute);
        if (byMinute != 0)
        {
            return byMinute;
        }
        var byIntegration = IntegrationId.CompareTo(other.IntegrationId);
        return byIntegration != 0
            ? byIntegration
            : string.CompareOrdinal(Reason.ToWireName(), other.Reason.ToWireName());
    }
}

/// <summary>A count to add to a <see cref="CounterKey"/> row.</summary>
public readonly record struct CounterDelta(CounterKey Key, long Count) : ITallyDelta<CounterDelta, CounterKey>
{
    public static CounterDelta Of(CounterKey key, long count) => new(key, count);
}

/// <summary>
/// Decisions counted per (minute, integration, reason). Unbounded: its keys are few (integrations x reasons per
/// minute), unlike <see cref="DeviceActivityTally"/>'s.
/// </summary>
public sealed class DecisionTally() : MinuteTally<CounterKey, CounterDelta>(int.MaxValue);
