using System.Diagnostics;
using System.Globalization;
using Dashboard.Core.Access;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Dashboard.Core.Integrations;
using Dashboard.Core.Seeding;
using Dashboard.Web.Hosting;
using Dashboard.Web.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Benchmarks.Scenarios;

/// <summary>
/// "search": the support look-ups (<see cref="DeviceSearch"/> and <see cref="AccountSearch"/>, what
/// <c>GET /api/v1/devices?query=</c> and <c>GET /api/v1/accounts?query=</c> run) over a generated fleet of N devices.
/// Times each call in-process: the server's work for the first page and the total, without HTTP and JSON.
/// Queries are drawn from the fleet itself with a fixed seed, so every run asks the same questions.
/// </summary>
public sealed class SearchScenario : IBenchmarkScenario
{
    private const int WarmUpPerKind = 20;
    private const int Seed = 20261129;

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
            var samples = await SampleAsync(connectionString, queries, ct);
            var contexts = new Contexts(connectionString);
            var kinds = Kinds(new DeviceSearch(contexts), new AccountSearch(contexts), samples);

            var p95s = kinds.ToDictionary(k => k.Name, _ => new List<double>());
            for (var run = 1; run <= runs; run++)
            {
                var reference = await cluster.ReferenceQueryAsync(ct);
                Console.WriteLine(Invariant(
                    $"  run {run}: load average {ProcessCpu.LoadAverage()}, reference query {reference.TotalSeconds:F2} s"));
                foreach (var kind in kinds)
                {
                    var result = await MeasureAsync(kind, cluster, ct);
                    p95s[kind.Name].Add(result.P95);
                    Console.WriteLine(Invariant(
                        $"    {kind.Name,-22} p50 {result.P50,6:F2} ms  p95 {result.P95,6:F2} ms  p99 {result.P99,6:F2} ms  max {result.Max,7:F2} ms  CPU/query {result.CpuPerQuery,5:F2} ms (PostgreSQL {result.ServerCpuPerQuery:F2})  (mean total {result.MeanTotal:N1})"));
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

    /// <summary>One kind of question, with the queries to ask and how to ask each.</summary>
    private sealed record Kind(string Name, IReadOnlyList<string> Queries, Func<string, Task<long>> Ask);

    private static List<Kind> Kinds(DeviceSearch deviceSearch, AccountSearch accountSearch, Samples s)
    {
        var page = PageRequest.First();
        Func<string, Task<long>> devices = async q => (await deviceSearch.SearchAsync(q, page)).Total;
        Func<string, Task<long>> accounts = async q => (await accountSearch.SearchAsync(q, page)).Total;
        return
        [
            new("devices: serial prefix", s.SerialPrefixes, devices),
            new("devices: MAC prefix", s.MacPrefixes, devices),
            new("devices: email prefix", s.EmailPrefixes, devices),
            new("devices: owner id", s.OwnerIds, devices),
            new("accounts: email prefix", s.EmailPrefixes, accounts),
            new("accounts: id", s.OwnerIds, accounts),
        ];
    }

    /// <param name="CpuPerQuery">CPU time of this process and of PostgreSQL per query: unlike wall time, it does not
    /// grow when other work on a shared machine keeps the query waiting for a core.</param>
    private sealed record Measurement(
        double P50, double P95, double P99, double Max, double MeanTotal, double CpuPerQuery, double ServerCpuPerQuery);

    private static async Task<Measurement> MeasureAsync(Kind kind, ThrowawayCluster cluster, CancellationToken ct)
    {
        for (var i = 0; i < WarmUpPerKind; i++)
        {
            await kind.Ask(kind.Queries[i % kind.Queries.Count]);
        }
        var times = new List<double>(kind.Queries.Count);
        long totals = 0;
        var serverCpu = cluster.ServerCpuTime();
        var clientCpu = Environment.CpuUsage.TotalTime;
        foreach (var query in kind.Queries)
        {
            ct.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            totals += await kind.Ask(query);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var serverMs = (cluster.ServerCpuTime() - serverCpu).TotalMilliseconds;
        var clientMs = (Environment.CpuUsage.TotalTime - clientCpu).TotalMilliseconds;
        times.Sort();
        return new Measurement(
            Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99), times[^1], (double)totals / times.Count,
            (serverMs + clientMs) / times.Count, serverMs / times.Count);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed record Samples(
        IReadOnlyList<string> SerialPrefixes, IReadOnlyList<string> MacPrefixes, IReadOnlyList<string> EmailPrefixes, IReadOnlyList<string> OwnerIds);

    /// <summary>
    /// Questions a support agent would ask about real devices: a serial without its last two characters, in lower
    /// case; a MAC without its last hex digit, with colons (a shorter prefix matches thousands: generated MACs are
    /// numbered in sequence); an owner's email up to and including the @; an owner id.
    /// </summary>
    private static async Task<Samples> SampleAsync(string connectionString, int count, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT d.serial, d.mac, a.email, a.id
            FROM devices d JOIN accounts a ON a.id = d.owner_id
            ORDER BY md5(d.id::text || @seed)
            LIMIT @count
            """, connection);
        command.Parameters.AddWithValue("seed", Seed.ToString(CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("count", count);
        var serials = new List<string>();
        var macs = new List<string>();
        var emails = new List<string>();
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var serial = reader.GetString(0);
            serials.Add(serial[..^2].ToLowerInvariant());
            macs.Add(string.Join(':', reader.GetString(1)[..11].Chunk(2).Select(c => new string(c))));
            var email = reader.GetString(2);
            emails.Add(email[..(email.IndexOf('@', StringComparison.Ordinal) + 1)]);
            ids.Add(reader.GetGuid(3).ToString());
        }
        return new Samples(serials, macs, emails, ids);
    }

    private static async Task LoadFleetAsync(string connectionString, long devices, CancellationToken ct)
    {
        await using (var db = ThrowawayCluster.CreateDbContext(connectionString))
        {
            foreach (var integration in DemoFixture.Integrations)
            {
                db.Integrations.Add(new Integration
                {
                    Id = Guid.CreateVersion7(), Key = integration.Key, Name = integration.Name, Kind = integration.Kind,
                    Actions = AccessActions.All, CreatedAt = DateTime.UtcNow,
                });
            }
            await db.SaveChangesAsync(ct);
        }
        var loader = new FleetBulkLoader(
            new DatabaseEndpoint(connectionString), new Contexts(connectionString), new AuditLog(TimeProvider.System),
            new ChangeNotifier(), TimeProvider.System);
        var loaded = await loader.AppendAsync(devices, progress: null, ct);
        Console.WriteLine(Invariant($"  loaded {loaded.Range.Count:N0} devices in {loaded.Elapsed.TotalSeconds:F1} s"));

        // What autovacuum does on a live system a little after a bulk load: statistics and the visibility map.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 };
        await vacuum.ExecuteNonQueryAsync(ct);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Contexts(string connectionString) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => ThrowawayCluster.CreateDbContext(connectionString);
    }
}
