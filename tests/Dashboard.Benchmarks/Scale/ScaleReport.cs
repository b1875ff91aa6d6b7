using Dashboard.Benchmarks.Scenarios;
using static Dashboard.Benchmarks.Stats;

namespace Dashboard.Benchmarks.Scale;

/// <summary>
/// The small and the large fleet side by side, as a Markdown table: each figure, its ratio large / small, and how a
/// logarithmic growth would compare (log large / log small), the yardstick for an index look-up.
/// </summary>
public static class ScaleReport
{
    public static void Print(ScaleStep small, ScaleStep large)
    {
        var logRatio = Math.Log(large.Counts.Devices) / Math.Log(small.Counts.Devices);
        Console.WriteLine(Invariant(
            $"scale: {small.Counts.Devices:N0} vs {large.Counts.Devices:N0} devices (x{(double)large.Counts.Devices / small.Counts.Devices:F1}); a logarithmic cost would grow x{logRatio:F2}"));
        Console.WriteLine(Row("figure", Invariant($"{small.Counts.Devices:N0}"), Invariant($"{large.Counts.Devices:N0}"), "ratio"));
        Console.WriteLine(Row("---", "---", "---", "---"));
        Line(Invariant($"seed: devices/s over the last {small.SeedWindow:N0} / {large.SeedWindow:N0} loaded"), small.SeedRate, large.SeedRate, "N0");
        Line(Invariant($"seed: devices/s of the whole growth ({small.Grown:N0} / {large.Grown:N0})"), small.GrowthRate, large.GrowthRate, "N0");
        Line("VACUUM ANALYZE after the load, s", small.Vacuum.TotalSeconds, large.Vacuum.TotalSeconds, "F1");
        foreach (var ((kind, s), (_, l)) in small.Search.Zip(large.Search))
        {
            Line($"search {kind}: p50 ms", s.P50, l.P50, "F2");
            Line($"search {kind}: p95 ms", s.P95, l.P95, "F2");
            Line($"search {kind}: CPU per query ms", s.CpuPerQuery, l.CpuPerQuery, "F2");
        }
        foreach (var (s, l) in small.Pages.Zip(large.Pages))
        {
            Line($"{s.Name}: p50 ms", s.P50Ms, l.P50Ms, "F1");
            Line($"{s.Name}: p95 ms", s.P95Ms, l.P95Ms, "F1");
        }
        var (sd, ld) = (small.Decisions, large.Decisions);
        Line("decisions: /healthz req/s", sd.HealthPerSecond, ld.HealthPerSecond, "N0");
        Line("decisions: check (cached) req/s", sd.CachedPerSecond, ld.CachedPerSecond, "N0");
        Line("decisions: check (cached) over /healthz", sd.CachedOverHealth, ld.CachedOverHealth, "F2");
        Line("decisions: check (cached) p50 ms", sd.CachedP50Ms, ld.CachedP50Ms, "F1");
        Line("decisions: check (cached) p99 ms", sd.CachedP99Ms, ld.CachedP99Ms, "F1");
        Line("decisions: check (miss) req/s", sd.MissPerSecond, ld.MissPerSecond, "N0");
        Line("decisions: check (miss) p50 ms", sd.MissP50Ms, ld.MissP50Ms, "F1");
        Line("decisions: check (miss) p99 ms", sd.MissP99Ms, ld.MissP99Ms, "F1");
        foreach (var (s, l) in small.Preview.Zip(large.Preview))
        {
            if (s.Failure is not null || l.Failure is not null)
            {
                Console.WriteLine(Row($"preview {s.Scope} ({s.ActiveSwitches} active)", Preview(s), Preview(l), "-"));
                continue;
            }
            Line($"preview {s.Scope} ({s.ActiveSwitches} active): p50 ms", s.P50Ms, l.P50Ms, "F0");
            Line($"preview {s.Scope} ({s.ActiveSwitches} active): p95 ms", s.P95Ms, l.P95Ms, "F0");
            Line($"preview {s.Scope} ({s.ActiveSwitches} active): PostgreSQL CPU ms", s.ServerCpuMs, l.ServerCpuMs, "F0");
        }
        Console.WriteLine(Invariant($"  load average when measuring: {small.Load} / {large.Load}"));
    }

    private static void Line(string name, double small, double large, string format) =>
        Console.WriteLine(Row(name, Format(small, format), Format(large, format), Invariant($"{large / small:F2}")));

    private static string Preview(PreviewScenario.Figure f) =>
        f.Failure is null ? Invariant($"{f.P50Ms:F0} ms") : Invariant($"failed after {f.P50Ms:F0} ms: {f.Failure}");

    private static string Format(double value, string format) => value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
