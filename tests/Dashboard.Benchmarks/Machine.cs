using Dashboard.Benchmarks.Fleet;
using static Dashboard.Benchmarks.Stats;

namespace Dashboard.Benchmarks;

/// <summary>What the figures were measured on, printed before a run.</summary>
public static class Machine
{
    public static async Task PrintAsync(ThrowawayCluster cluster, CancellationToken ct)
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        Console.WriteLine(Invariant(
            $"  machine: {Environment.ProcessorCount} cores ({model}), {long.Parse(memKb, System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024.0:F1} GiB, {Environment.OSVersion}, .NET {Environment.Version}, PostgreSQL {await cluster.ServerVersionAsync(ct)}"));
        Console.WriteLine(Invariant(
            $"  {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {ProcessCpu.LoadAverage()}, reference query (count of 10M generated rows) {(await cluster.ReferenceQueryAsync(ct)).TotalSeconds:F2} s"));
        Console.WriteLine("  cluster: throwaway, ephemeral (fsync, synchronous_commit and full-page writes off, as for tests)");
    }
}

/// <summary>CPU seconds used by the app instances, PostgreSQL and this process (the load generator) over a phase.</summary>
public sealed class CpuMeter
{
    private readonly FleetSession _fleet;
    private readonly TimeSpan _app;
    private readonly TimeSpan _server;
    private readonly TimeSpan _client;

    private CpuMeter(FleetSession fleet)
    {
        _fleet = fleet;
        _app = fleet.AppCpuTime();
        _server = fleet.Cluster.ServerCpuTime();
        _client = Environment.CpuUsage.TotalTime;
    }

    public static CpuMeter Start(FleetSession fleet) => new(fleet);

    public string Stop() => Invariant(
        $"{(_fleet.AppCpuTime() - _app).TotalSeconds:F1} / {(_fleet.Cluster.ServerCpuTime() - _server).TotalSeconds:F1} / {(Environment.CpuUsage.TotalTime - _client).TotalSeconds:F1}");
}
