using System.Net.Http.Headers;
using System.Text;
using Dashboard.Benchmarks.Fleet;
using Dashboard.Core.Auth;
using Npgsql;
using static Dashboard.Benchmarks.Stats;

namespace Dashboard.Benchmarks.Scenarios;

/// <summary>
/// "decisions": <c>POST /api/v1/access/check</c> with a bridge key under concurrent clients, against <c>/healthz</c> of
/// the same instance in the same run; once over a hot set of keys the cache holds, once over keys never asked before
/// (every answer a cache miss: facts read from PostgreSQL).
/// </summary>
public sealed class DecisionsScenario : IBenchmarkScenario
{
    public string Name => "decisions";

    public string Usage => "[--devices N (1000000)] [--clients C (32)] [--seconds S (10)] [--runs R (3)] [--hot K (10000)]";

    public async Task<int> RunAsync(BenchmarkArguments args, CancellationToken ct)
    {
        var devices = args.Long("devices", 1_000_000, min: 1000);
        var settings = Settings.Read(args);
        args.RejectUnknown();
        await using var cluster = await ThrowawayCluster.StartAsync(durable: false, ct);
        await Machine.PrintAsync(cluster, ct);
        await using var fleet = await FleetSession.StartAsync(cluster, devices, links: null, twoInstances: false, ct);
        await MeasureAsync(fleet, settings, ct);
        return 0;
    }

    public sealed record Settings(int Clients, TimeSpan Duration, int Runs, int Hot)
    {
        public static Settings Read(BenchmarkArguments args) => new(
            (int)args.Long("clients", 32, min: 1),
            TimeSpan.FromSeconds(args.Long("seconds", 10, min: 1)),
            (int)args.Long("runs", 3, min: 1),
            (int)args.Long("hot", 10_000, min: 1));
    }

    /// <summary>Medians over the runs: requests per second, p50 and p99 of each phase, the cached path over <c>/healthz</c>.</summary>
    public sealed record Figures(
        double HealthPerSecond, double CachedPerSecond, double CachedP50Ms, double CachedP99Ms, double CachedOverHealth,
        double MissPerSecond, double MissP50Ms, double MissP99Ms);

    public static async Task<Figures> MeasureAsync(FleetSession fleet, Settings settings, CancellationToken ct)
    {
        Console.WriteLine(Invariant(
            $"decisions: {settings.Clients} clients, {settings.Duration.TotalSeconds:F0} s per phase after a 2 s warm-up, {settings.Runs} run(s), instance A at {fleet.A.BaseAddress}"));
        var hot = await HotKeysAsync(fleet.ConnectionString, settings.Hot, ct);
        var cold = await ColdKeysAsync(fleet.ConnectionString, hot, 400_000, ct);
        Console.WriteLine(Invariant($"  keys: {hot.Count:N0} hot (google-assistant exposures, stream), {cold.Count:N0} never asked before (owned devices)"));
        using var client = HttpLoad.CreateClient(fleet.A.BaseAddress, settings.Clients);
        var warm = TimeSpan.FromSeconds(2);

        // Every hot key asked once, so the measured phases answer from the cache.
        var primed = -1;
        HttpRequestMessage? NextToPrime()
        {
            var i = Interlocked.Increment(ref primed);
            return i < hot.Count ? Check(hot[i]) : null;
        }
        await HttpLoad.RunAsync(client, NextToPrime, settings.Clients, TimeSpan.FromMinutes(5), ct);

        var coldNext = -1;
        HttpRequestMessage? NextCold()
        {
            var i = Interlocked.Increment(ref coldNext);
            return i < cold.Count ? Check(cold[i]) : null;
        }
        var hotNext = -1;
        HttpRequestMessage NextHot() => Check(hot[(int)((uint)Interlocked.Increment(ref hotNext) % (uint)hot.Count)]);
        static HttpRequestMessage Health() => new(HttpMethod.Get, "/healthz");

        var rows = new List<(LoadResult Health, LoadResult Hot, LoadResult Cold)>();
        Console.WriteLine(Row("run", "load avg", "/healthz req/s", "p50 ms", "p99 ms", "check (cached) req/s", "p50 ms", "p99 ms",
            "ratio", "check (miss) req/s", "p50 ms", "p99 ms", "CPU s app / PostgreSQL / client"));
        Console.WriteLine(Row("---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---"));
        for (var run = 1; run <= settings.Runs; run++)
        {
            var load = ProcessCpu.LoadAverage();
            var cpu = CpuMeter.Start(fleet);
            await HttpLoad.RunAsync(client, Health, settings.Clients, warm, ct);
            var health = await HttpLoad.RunAsync(client, Health, settings.Clients, settings.Duration, ct);
            await HttpLoad.RunAsync(client, NextHot, settings.Clients, warm, ct);
            var hotResult = await HttpLoad.RunAsync(client, NextHot, settings.Clients, settings.Duration, ct);
            await HttpLoad.RunAsync(client, NextCold, settings.Clients, warm, ct);
            var coldResult = await HttpLoad.RunAsync(client, NextCold, settings.Clients, settings.Duration, ct);
            var used = cpu.Stop();
            rows.Add((health, hotResult, coldResult));
            Console.WriteLine(Row(run, load,
                Rate(health), Ms(health.P50Ms), Ms(health.P99Ms),
                Rate(hotResult), Ms(hotResult.P50Ms), Ms(hotResult.P99Ms),
                Invariant($"{hotResult.PerSecond / health.PerSecond:F2}"),
                Rate(coldResult) + (coldResult.Exhausted ? " (keys ran out)" : ""), Ms(coldResult.P50Ms), Ms(coldResult.P99Ms),
                used));
            var failed = health.Failed + hotResult.Failed + coldResult.Failed;
            if (failed > 0)
            {
                Console.WriteLine(Invariant($"  run {run}: {failed} answer(s) were not 2xx"));
            }
        }
        Console.WriteLine(Row("**median**", "",
            Rate(Median(rows.Select(r => r.Health.PerSecond))), Ms(Median(rows.Select(r => r.Health.P50Ms))), Ms(Median(rows.Select(r => r.Health.P99Ms))),
            Rate(Median(rows.Select(r => r.Hot.PerSecond))), Ms(Median(rows.Select(r => r.Hot.P50Ms))), Ms(Median(rows.Select(r => r.Hot.P99Ms))),
            Invariant($"**{Median(rows.Select(r => r.Hot.PerSecond / r.Health.PerSecond)):F2}**"),
            Rate(Median(rows.Select(r => r.Cold.PerSecond))), Ms(Median(rows.Select(r => r.Cold.P50Ms))), Ms(Median(rows.Select(r => r.Cold.P99Ms))),
            ""));
        Console.WriteLine(Invariant(
            $"decisions: miss path over cached path {Median(rows.Select(r => r.Cold.PerSecond / r.Hot.PerSecond)):F2} (median of per-run ratios)"));
        return new Figures(
            Median(rows.Select(r => r.Health.PerSecond)), Median(rows.Select(r => r.Hot.PerSecond)),
            Median(rows.Select(r => r.Hot.P50Ms)), Median(rows.Select(r => r.Hot.P99Ms)),
            Median(rows.Select(r => r.Hot.PerSecond / r.Health.PerSecond)), Median(rows.Select(r => r.Cold.PerSecond)),
            Median(rows.Select(r => r.Cold.P50Ms)), Median(rows.Select(r => r.Cold.P99Ms)));
    }

    private static string Rate(LoadResult result) => Rate(result.PerSecond);

    private static string Rate(double perSecond) => Invariant($"{perSecond:N0}");

    private static string Ms(double ms) => Invariant($"{ms:F1}");

    private static HttpRequestMessage Check(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/access/check") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WellKnownDemoSecrets.GoogleAssistantBridgeKey);
        return request;
    }

    private static byte[] Body(Guid account, string serial) =>
        Encoding.UTF8.GetBytes(Invariant($$"""{"account":"{{account}}","device":"{{serial}}","action":"stream"}"""));

    private static async Task<List<byte[]>> HotKeysAsync(string connectionString, int count, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT l.account_id, d.serial
            FROM device_exposures e
            JOIN account_links l ON l.id = e.link_id
            JOIN integrations i ON i.id = l.integration_id
            JOIN devices d ON d.id = e.device_id
            WHERE i.key = 'google-assistant' AND l.status = 'Active'
            ORDER BY d.serial
            LIMIT $1
            """, connection) { CommandTimeout = 0 }; // untimed preparation; at 10M devices it takes longer than the default 30 s
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        var keys = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            keys.Add(Body(reader.GetGuid(0), reader.GetString(1)));
        }
        return keys;
    }

    /// <summary>Owned devices asked about by their owner, none of them among the hot keys, in a fixed shuffled order.</summary>
    private static async Task<List<byte[]>> ColdKeysAsync(string connectionString, List<byte[]> hot, int count, CancellationToken ct)
    {
        var hotBodies = hot.Select(Encoding.UTF8.GetString).ToHashSet(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT owner_id, serial FROM devices WHERE owner_id IS NOT NULL ORDER BY md5(serial) LIMIT $1", connection)
        {
            CommandTimeout = 0,
        };
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count + hot.Count });
        var keys = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct) && keys.Count < count)
        {
            var body = Body(reader.GetGuid(0), reader.GetString(1));
            if (!hotBodies.Contains(Encoding.UTF8.GetString(body)))
            {
                keys.Add(body);
            }
        }
        return keys;
    }
}
