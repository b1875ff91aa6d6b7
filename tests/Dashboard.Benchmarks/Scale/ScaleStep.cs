using System.Diagnostics;
using Dashboard.Benchmarks.Fleet;
using Dashboard.Benchmarks.Probes;
using Dashboard.Benchmarks.Scenarios;
using static Dashboard.Benchmarks.Stats;

namespace Dashboard.Benchmarks.Scale;

/// <summary>What the scale scenario measures at each fleet size, with the same code and settings at every size.</summary>
public sealed record ScaleSettings(
    int QueriesPerKind, int PageRequests, DecisionsScenario.Settings Decisions, PreviewScenario.Settings Preview);

/// <summary>
/// The figures at one fleet size. <paramref name="SeedRate"/> is devices per second over the last
/// <paramref name="SeedWindow"/> devices loaded to reach this size (the rate at this size, not averaged with the
/// cheaper start); <paramref name="GrowthRate"/> the rate of the whole growth from the previous size.
/// </summary>
public sealed record ScaleStep(
    FleetCounts Counts, long SeedWindow, double SeedRate, long Grown, double GrowthRate, TimeSpan Vacuum, string Load,
    IReadOnlyList<(string Kind, SearchProbe.Measurement Figures)> Search, IReadOnlyList<PageProbe.Figure> Pages,
    DecisionsScenario.Figures Decisions, IReadOnlyList<PreviewScenario.Figure> Preview)
{
    /// <summary>
    /// Appends <paramref name="grow"/> generated devices with the bulk loader (the app stopped), runs
    /// <c>VACUUM ANALYZE</c> as autovacuum would after a load, starts the app over the result and measures.
    /// </summary>
    public static async Task<ScaleStep> GrowAndMeasureAsync(
        ThrowawayCluster cluster, string connectionString, long grow, long seedWindow, ScaleSettings settings, CancellationToken ct)
    {
        Section(Invariant($"seed: {grow:N0} more devices"));
        var progress = new List<(long Devices, TimeSpan Elapsed)> { (0, TimeSpan.Zero) };
        var loader = SeedScenario.NewLoader(connectionString, skipRowTriggers: true);
        var loaded = await loader.AppendAsync(grow, p =>
        {
            progress.Add((p.Devices, p.Elapsed));
            Console.WriteLine(Invariant(
                $"    {p.Devices,12:N0} / {p.Total:N0} devices  {p.Elapsed.TotalSeconds,7:F1} s  {p.DevicesPerSecond,9:N0} devices/s  load average {ProcessCpu.LoadAverage()}"));
        }, ct);
        var (window, windowRate) = RateOverLast(progress, seedWindow);
        Console.WriteLine(Invariant(
            $"  {loaded.Range.Count:N0} devices in {loaded.Elapsed.TotalSeconds:F1} s = {loaded.DevicesPerSecond:N0} devices/s; the last {window:N0}: {windowRate:N0} devices/s"));

        var started = Stopwatch.GetTimestamp();
        await FleetSession.ExecuteAsync(connectionString, "VACUUM ANALYZE", ct);
        var vacuum = Stopwatch.GetElapsedTime(started);
        Console.WriteLine(Invariant($"  VACUUM ANALYZE {vacuum.TotalSeconds:F1} s"));

        await using var fleet = await FleetSession.AttachAsync(cluster, connectionString, ct);
        Console.WriteLine(Invariant(
            $"  fleet: {fleet.Counts.Devices:N0} devices, {fleet.Counts.Accounts:N0} accounts, {fleet.Counts.Links:N0} links, {fleet.Counts.Exposures:N0} exposures"));
        var load = ProcessCpu.LoadAverage();

        Section("search");
        var probe = await SearchProbe.CreateAsync(connectionString, settings.QueriesPerKind, ct);
        var search = new List<(string, SearchProbe.Measurement)>();
        foreach (var kind in probe.Kinds)
        {
            var measurement = await SearchProbe.MeasureAsync(kind, cluster, ct);
            Console.WriteLine("    " + SearchProbe.Describe(kind, measurement));
            search.Add((kind.Name, measurement));
        }

        Section("pages");
        var pages = await PageProbe.MeasureAsync(fleet, settings.PageRequests, ct);

        Section("decisions");
        var decisions = await DecisionsScenario.MeasureAsync(fleet, settings.Decisions, ct);

        Section("preview");
        var preview = await PreviewScenario.MeasureAsync(fleet, settings.Preview, ct);

        return new ScaleStep(fleet.Counts, window, windowRate, loaded.Range.Count, loaded.DevicesPerSecond, vacuum, load,
            search, pages, decisions, preview);
    }

    /// <summary>Devices per second over the last chunks that add up to at least <paramref name="window"/> devices.</summary>
    private static (long Devices, double Rate) RateOverLast(List<(long Devices, TimeSpan Elapsed)> progress, long window)
    {
        var last = progress[^1];
        var from = progress.LastOrDefault(p => last.Devices - p.Devices >= window, progress[0]);
        var devices = last.Devices - from.Devices;
        return (devices, devices / Math.Max((last.Elapsed - from.Elapsed).TotalSeconds, 1e-6));
    }

    private static void Section(string name) =>
        Console.WriteLine(Invariant($"--- {name} ({DateTime.UtcNow:HH:mm:ss} UTC, load average {ProcessCpu.LoadAverage()})"));
}
