using System.Diagnostics;
using System.Globalization;
using Dashboard.Core.Accounts;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Npgsql;

namespace Dashboard.Benchmarks.Probes;

/// <summary>
/// The support look-ups (<see cref="DeviceSearch"/> and <see cref="AccountSearch"/>, what
/// <c>GET /api/v1/devices?query=</c> and <c>GET /api/v1/accounts?query=</c> run), timed in-process around each call:
/// the server's work for the first page and the total, without HTTP and JSON. Queries are drawn from the fleet itself
/// with a fixed seed, so every run over the same fleet asks the same questions.
/// </summary>
public sealed class SearchProbe
{
    private const int WarmUpPerKind = 20;
    private const int Seed = 20261129;

    private SearchProbe(IReadOnlyList<Kind> kinds) => Kinds = kinds;

    /// <summary>One kind of question, with the queries to ask and how to ask each.</summary>
    public sealed record Kind(string Name, IReadOnlyList<string> Queries, Func<string, Task<long>> Ask);

    /// <param name="CpuPerQuery">CPU time of this process and of PostgreSQL per query: unlike wall time, it does not
    /// grow when other work on a shared machine keeps the query waiting for a core.</param>
    public sealed record Measurement(
        double P50, double P95, double P99, double Max, double MeanTotal, double CpuPerQuery, double ServerCpuPerQuery);

    public IReadOnlyList<Kind> Kinds { get; }

    /// <summary>Draws <paramref name="queriesPerKind"/> questions of each kind from the fleet in the database.</summary>
    public static async Task<SearchProbe> CreateAsync(string connectionString, int queriesPerKind, CancellationToken ct)
    {
        var samples = await SampleAsync(connectionString, queriesPerKind, ct);
        var contexts = new DbContexts(connectionString);
        var deviceSearch = new DeviceSearch(contexts);
        var accountSearch = new AccountSearch(contexts);
        var page = PageRequest.First();
        Func<string, Task<long>> devices = async q => (await deviceSearch.SearchAsync(q, page)).Total;
        Func<string, Task<long>> accounts = async q => (await accountSearch.SearchAsync(q, page)).Total;
        return new SearchProbe(
        [
            new("devices: serial prefix", samples.SerialPrefixes, devices),
            new("devices: MAC prefix", samples.MacPrefixes, devices),
            new("devices: email prefix", samples.EmailPrefixes, devices),
            new("devices: owner id", samples.OwnerIds, devices),
            new("accounts: email prefix", samples.EmailPrefixes, accounts),
            new("accounts: id", samples.OwnerIds, accounts),
        ]);
    }

    /// <summary>Asks every query of the kind once, one at a time, after a warm-up.</summary>
    public static async Task<Measurement> MeasureAsync(Kind kind, ThrowawayCluster cluster, CancellationToken ct)
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
        return new Measurement(
            Stats.Percentile(times, 50), Stats.Percentile(times, 95), Stats.Percentile(times, 99), times.Max(), (double)totals / times.Count,
            (serverMs + clientMs) / times.Count, serverMs / times.Count);
    }

    /// <summary>The line printed per kind.</summary>
    public static string Describe(Kind kind, Measurement m) => Stats.Invariant(
        $"{kind.Name,-22} p50 {m.P50,6:F2} ms  p95 {m.P95,6:F2} ms  p99 {m.P99,6:F2} ms  max {m.Max,7:F2} ms  CPU/query {m.CpuPerQuery,5:F2} ms (PostgreSQL {m.ServerCpuPerQuery:F2})  (mean total {m.MeanTotal:N1})");

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
            """, connection) { CommandTimeout = 0 };
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
}
