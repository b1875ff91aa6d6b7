namespace Dashboard.Core.Access.Telemetry;

/// <summary>Settings of the decision telemetry writer (section <c>Dashboard:Telemetry</c>).</summary>
public sealed class TelemetryOptions
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

    public IEnumerable<string> Validate()
    {
        if (FlushInterval <= TimeSpan.Zero || FlushInterval > TimeSpan.FromMinutes(1))
        {
            yield return $"{Section}:FlushInterval must be positive and at most a minute.";
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
