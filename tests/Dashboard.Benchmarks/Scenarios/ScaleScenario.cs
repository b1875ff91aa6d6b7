using Dashboard.Benchmarks.Scale;
using static Dashboard.Benchmarks.Stats;

namespace Dashboard.Benchmarks.Scenarios;

/// <summary>
/// "scale": one fleet grown from the small size to the large one in the same database and measured at both with the
/// same probes (seed rate, search, device and fleet list pages, decision API, preview), then the two side by side
/// with their ratios. Run by hand: the default 10M devices need about 15 GB of disk and the better part of an hour.
/// </summary>
public sealed class ScaleScenario : IBenchmarkScenario
{
    private static readonly TimeSpan FixtureTimeout = TimeSpan.FromMinutes(5);

    public string Name => "scale";

    public string Usage =>
        "[--small N (1000000)] [--large N (10000000)] [--queries Q per search kind (200)] [--page-requests R (50)] "
        + "[--clients C (32)] [--seconds S (10)] [--runs R (1)] [--hot K (10000)] [--preview-runs R (3)] "
        + "[--hold M minutes (0): keep the large fleet's database up after the report, for EXPLAIN by hand]";

    public async Task<int> RunAsync(BenchmarkArguments args, CancellationToken ct)
    {
        var small = args.Long("small", 1_000_000, min: 1000);
        var large = args.Long("large", 10_000_000, min: small + 1);
        var settings = new ScaleSettings(
            (int)args.Long("queries", 200, min: 20),
            (int)args.Long("page-requests", 50, min: 1),
            new DecisionsScenario.Settings(
                (int)args.Long("clients", 32, min: 1), TimeSpan.FromSeconds(args.Long("seconds", 10, min: 1)),
                (int)args.Long("runs", 1, min: 1), (int)args.Long("hot", 10_000, min: 1)),
            new PreviewScenario.Settings((int)args.Long("preview-runs", 3, min: 1), PreviousRuns: 0));
        var hold = TimeSpan.FromMinutes(args.Long("hold", 0, min: 0));
        args.RejectUnknown();

        await using var cluster = await ThrowawayCluster.StartAsync(durable: false, ct);
        var tuning = await cluster.TuneForBulkLoadAsync(ct);
        Console.WriteLine(Invariant($"scale: {small:N0} devices, then grown to {large:N0} in the same database"));
        await Machine.PrintAsync(cluster, ct);
        Console.WriteLine($"  cluster settings for the load: {tuning}");
        var connectionString = await cluster.CreateDatabaseAsync(ct);
        try
        {
            // The demo fixture (integrations, staff logins and tokens, bridge keys) through the app's own start-up.
            await (await AppProcess.StartAsync(connectionString, 0, FixtureTimeout, ct)).DisposeAsync();
            // The seed rate at the small size is over all of it; at the large size over as many devices, the last ones.
            var first = await ScaleStep.GrowAndMeasureAsync(cluster, connectionString, small, small, settings, ct);
            var second = await ScaleStep.GrowAndMeasureAsync(cluster, connectionString, large - small, small, settings, ct);
            ScaleReport.Print(first, second);
            if (hold > TimeSpan.Zero)
            {
                Console.WriteLine(Invariant($"scale: holding {connectionString} for {hold.TotalMinutes:F0} min (Ctrl+C ends it)"));
                await Task.Delay(hold, ct).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
        finally
        {
            await cluster.DropDatabaseAsync(connectionString, CancellationToken.None);
        }
        return 0;
    }
}
