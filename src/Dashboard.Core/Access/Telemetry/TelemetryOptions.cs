using Dashboard.Core.Configuration;

namespace Dashboard.Core.Access.Telemetry;

/// <summary>Settings of the decision telemetry writer (section <c>Dashboard:Telemetry</c>).</summary>
public sealed class TelemetryOptions : IValidatedOptions
{
    public const string Section = "Dashboard:Telemetry";

    /// <summary>How often counters and not_owner decisions are written. The architecture promises at least every second.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many not_owner decisions may wait in memory for the writer. When full, new ones are dropped and counted
    /// (metric <c>dashboard_access_telemetry_dropped_total</c>): the decision path never waits for telemetry.
    /// </summary>
    public int QueueCapacity { get; set; } = 50_000;

    /// <summary>Rows per insert statement; a queue holding this many wakes the writer before its interval.</summary>
    public int BatchSize { get; set; } = 1_000;

    /// <summary>
    /// How many (minute, account, service, camera, action, reason) counts may wait in memory for the writer. When
    /// full, decisions needing a new one are dropped from the activity list and counted
    /// (metric <c>dashboard_access_telemetry_activity_dropped_total</c>).
    /// </summary>
    public int ActivityCapacity { get; set; } = 100_000;

    /// <summary>
    /// How long every not_owner decision is kept. Long, since an investigation may start weeks after a leak; once a
    /// row is older it says nothing the per-minute counters do not.
    /// </summary>
    public TimeSpan NotOwnerRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How long the per-minute counters (per integration, and per camera for the activity list) are kept.</summary>
    public TimeSpan CounterRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often rows past their retention are deleted.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<string> Validate()
    {
        if (ActivityCapacity < 1)
        {
            yield return $"{Section}:ActivityCapacity must be at least 1.";
        }
        if (FlushInterval <= TimeSpan.Zero || FlushInterval > TimeSpan.FromMinutes(1))
        {
            yield return $"{Section}:FlushInterval must be positive and at most a minute.";
        }
        if (NotOwnerRetention < TimeSpan.FromDays(1) || CounterRetention < TimeSpan.FromDays(1))
        {
            yield return $"{Section}:NotOwnerRetention and {Section}:CounterRetention must be at least a day.";
        }
        if (PruneInterval < TimeSpan.FromMinutes(1))
        {
            yield return $"{Section}:PruneInterval must be at least a minute.";
        }
        if (QueueCapacity < 1)
        {
            yield return $"{Section}:QueueCapacity must be at least 1.";
        }
        if (BatchSize < 1 || BatchSize > 10_000)
        {
            yield return $"{Section}:BatchSize must be between 1 and 10000.";
        }
    }
}
