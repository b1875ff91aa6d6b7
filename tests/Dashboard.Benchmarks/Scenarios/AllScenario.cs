using Dashboard.Benchmarks.Fleet;
using static Dashboard.Benchmarks.Stats;

namespace Dashboard.Benchmarks.Scenarios;

/// <summary>
/// "all": decisions, propagation, preview and fire on one seeded fleet (1M devices, links added up to 1M) with two
/// instances, then fire again on a small fleet (10k links) for the ratio. One seeding instead of four.
/// </summary>
public sealed class AllScenario : IBenchmarkScenario
{
    public string Name => "all";

    public string Usage =>
        "[--devices N (1000000)] [--links N (1000000)] [--small-devices N (30000)] [--small-links N (10000)] [--operations N (200)] [--fires N (20)] "
        + "[--clients C (32)] [--seconds S (10)] [--runs R (3)] [--hot K (10000)] [--preview-runs R (7)] [--previous-runs R (3)]";

    public async Task<int> RunAsync(BenchmarkArguments args, CancellationToken ct)
    {
        var devices = args.Long("devices", 1_000_000, min: 1000);
        var links = args.Long("links", 1_000_000, min: 1);
        var smallDevices = args.Long("small-devices", 30_000, min: 100);
        var smallLinks = args.Long("small-links", 10_000, min: 1);
        var operations = (int)args.Long("operations", 200, min: 2);
        var fires = (int)args.Long("fires", 20, min: 1);
        var decisions = DecisionsScenario.Settings.Read(args);
        var preview = new PreviewScenario.Settings((int)args.Long("preview-runs", 7, min: 1), (int)args.Long("previous-runs", 3, min: 0));
        args.RejectUnknown();

        await using var cluster = await ThrowawayCluster.StartAsync(durable: false, ct);
        await Machine.PrintAsync(cluster, ct);
        FireScenario.FireFigures large, small;
        await using (var fleet = await FleetSession.StartAsync(cluster, devices, links, twoInstances: true, ct))
        {
            await Step("decisions", () => DecisionsScenario.MeasureAsync(fleet, decisions, ct));
            await Step("propagation", () => PropagationScenario.MeasureAsync(fleet, operations, ct));
            await Step("preview", () => PreviewScenario.MeasureAsync(fleet, preview, ct));
            large = await FireScenario.MeasureAsync(fleet, fires, ct);
        }
        await using (var fleet = await FleetSession.StartAsync(cluster, smallDevices, smallLinks, twoInstances: true, ct))
        {
            small = await FireScenario.MeasureAsync(fleet, fires, ct);
        }
        FireScenario.Print(small, large);
        return 0;
    }

    private static async Task Step(string name, Func<Task> measure)
    {
        Console.WriteLine(Invariant($"--- {name} ({DateTime.UtcNow:HH:mm:ss} UTC, load average {ProcessCpu.LoadAverage()})"));
        await measure();
    }
}
