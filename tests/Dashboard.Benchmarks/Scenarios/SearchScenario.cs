using System.Globalization;
using Dashboard.Benchmarks.Probes;
using Dashboard.Core.Accounts;
using Dashboard.Core.Devices;
using Npgsql;
using static Dashboard.Benchmarks.Stats;

namespace Dashboard.Benchmarks.Scenarios;

/// <summary>
/// "search": the support look-ups (<see cref="DeviceSearch"/> and <see cref="AccountSearch"/>, what
/// <c>GET /api/v1/devices?query=</c> and <c>GET /api/v1/accounts?query=</c> run) over a generated fleet of N devices.
/// Measured by <see cref="SearchProbe"/>: in-process, the same questions every run.
/// </summary>
public sealed class SearchScenario : IBenchmarkScenario
{
    public string Name => "search";

    public string Usage => "[--devices N (1000000)] [--runs R (3)] [--queries Q per kind (200)]";

    public async Task<int> RunAsync(BenchmarkArguments args, CancellationToken ct)
    {
        var devices = args.Long("devices", 1_000_000, min: 1);
        var runs = (int)args.Long("runs", 3, min: 1);
        var queries = (int)args.Long("queries", 200, min: 1);
        args.RejectUnknown();

        await using var cluster = await ThrowawayCluster.StartAsync(durable: false, ct);
        Console.WriteLine(Invariant($"search: {devices:N0} devices, {queries} queries per kind x {runs} run(s), first page of 50"));
        Console.WriteLine(Invariant(
            $"  machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, PostgreSQL {await cluster.ServerVersionAsync(ct)}"));
        var connectionString = await cluster.CreateDatabaseAsync(ct);
        try
        {
            await LoadFleetAsync(connectionString, devices, ct);
            var kinds = (await SearchProbe.CreateAsync(connectionString, queries, ct)).Kinds;

            var p95s = kinds.ToDictionary(k => k.Name, _ => new List<double>());
            for (var run = 1; run <= runs; run++)
            {
                var reference = await cluster.ReferenceQueryAsync(ct);
                Console.WriteLine(Invariant(
                    $"  run {run}: load average {ProcessCpu.LoadAverage()}, reference query {reference.TotalSeconds:F2} s"));
                foreach (var kind in kinds)
                {
                    var result = await SearchProbe.MeasureAsync(kind, cluster, ct);
                    p95s[kind.Name].Add(result.P95);
                    Console.WriteLine("    " + SearchProbe.Describe(kind, result));
                }
            }

            Console.WriteLine(Invariant($"search: median p95 over {runs} run(s):"));
            foreach (var (name, values) in p95s)
            {
                Console.WriteLine(Invariant($"  {name,-22} {Median(values),6:F2} ms  ({string.Join(" / ", values.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)))})"));
            }
        }
        finally
        {
            await cluster.DropDatabaseAsync(connectionString, ct);
        }
        return 0;
    }

    private static async Task LoadFleetAsync(string connectionString, long devices, CancellationToken ct)
    {
        await SeedScenario.AddIntegrationsAsync(connectionString, ct);
        var loader = SeedScenario.NewLoader(connectionString, skipRowTriggers: true);
        var loaded = await loader.AppendAsync(devices, progress: null, ct);
        Console.WriteLine(Invariant($"  loaded {loaded.Range.Count:N0} devices in {loaded.Elapsed.TotalSeconds:F1} s"));

        // What autovacuum does on a live system a little after a bulk load: statistics and the visibility map.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 };
        await vacuum.ExecuteNonQueryAsync(ct);
    }
}
