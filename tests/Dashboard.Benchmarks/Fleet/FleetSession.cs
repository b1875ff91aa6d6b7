using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Access.Runtime;
using Dashboard.Core.Audit;
using Dashboard.Core.KillSwitches;
using Microsoft.Extensions.Options;
using Npgsql;
using static Dashboard.Benchmarks.Stats;

namespace Dashboard.Benchmarks.Fleet;

/// <summary>
/// One database of a throwaway cluster with the demo fixture and a generated fleet, and the app running over it as one
/// or two child processes (instances A and B, both enforcement points). Scenarios that can share a fleet take a
/// session; seeding a million devices takes about a minute, so it is done once per benchmark run.
/// </summary>
public sealed class FleetSession : IAsyncDisposable
{
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly AccessDatabase _access;

    /// <summary>Whether disposing drops the database (it was created for this session).</summary>
    private readonly bool _ownsDatabase;

    private FleetSession(
        ThrowawayCluster cluster, string connectionString, AppProcess a, AppProcess? b, FleetCounts counts, bool ownsDatabase = true)
    {
        _ownsDatabase = ownsDatabase;
        Cluster = cluster;
        ConnectionString = connectionString;
        A = a;
        B = b;
        Counts = counts;
        var options = new AccessOptions();
        _access = new AccessDatabase(connectionString, options, new InstanceIdentity());
        // The benchmark's own service is no enforcement point (it answers no checks): it only fires, lifts and waits.
        KillSwitches = new KillSwitchService(
            new DbContexts(connectionString), new AuditLog(TimeProvider.System), new ChangeNotifier(),
            new PropagationWaiter(_access, Options.Create(options), TimeProvider.System), TimeProvider.System);
    }

    public ThrowawayCluster Cluster { get; }

    public string ConnectionString { get; }

    public AppProcess A { get; }

    public AppProcess? B { get; }

    public FleetCounts Counts { get; }

    /// <summary>The app's kill switch service, in this process, over the same database.</summary>
    public KillSwitchService KillSwitches { get; }

    /// <summary>
    /// Seeds <paramref name="devices"/> generated devices through the app's own start-up seeding, then, when
    /// <paramref name="links"/> is given, adds links (granting every action, exposing nothing) until there are that
    /// many, and starts the instances over the result.
    /// </summary>
    public static async Task<FleetSession> StartAsync(
        ThrowawayCluster cluster, long devices, long? links, bool twoInstances, CancellationToken ct)
    {
        var connectionString = await cluster.CreateDatabaseAsync(ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Console.WriteLine(Invariant($"  seeding {devices:N0} devices through the app's start-up (demo fixture and generated fleet)..."));
        var a = await AppProcess.StartAsync(connectionString, devices, SeedTimeout, ct);
        Console.WriteLine(Invariant($"  seeded in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s"));
        AppProcess? b = null;
        try
        {
            if (links is { } wanted)
            {
                // The instance is stopped while links are added behind its back, so it starts over the final state.
                await a.DisposeAsync();
                var added = await AddLinksAsync(connectionString, wanted, ct);
                Console.WriteLine(Invariant($"  added {added:N0} links (no exposures) to reach {wanted:N0}"));
            }
            await ExecuteAsync(connectionString, "VACUUM ANALYZE", ct);
            if (links is not null)
            {
                a = await AppProcess.StartAsync(connectionString, 0, StartTimeout, ct);
            }
            if (twoInstances)
            {
                b = await AppProcess.StartAsync(connectionString, 0, StartTimeout, ct);
            }
            var counts = await FleetCounts.ReadAsync(connectionString, ct);
            Console.WriteLine(Invariant(
                $"  fleet: {counts.Devices:N0} devices, {counts.Accounts:N0} accounts, {counts.Links:N0} links, {counts.Exposures:N0} exposures; instances: {(b is null ? 1 : 2)}"));
            return new FleetSession(cluster, connectionString, a, b, counts);
        }
        catch
        {
            if (b is not null)
            {
                await b.DisposeAsync();
            }
            await a.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Instance A (no seeding beyond the demo fixture) over a database that already holds its fleet, which the
    /// caller keeps: disposing the session stops the instance and leaves the database, so it can be grown and
    /// attached again.
    /// </summary>
    public static async Task<FleetSession> AttachAsync(ThrowawayCluster cluster, string connectionString, CancellationToken ct)
    {
        var a = await AppProcess.StartAsync(connectionString, 0, StartTimeout, ct);
        try
        {
            var counts = await FleetCounts.ReadAsync(connectionString, ct);
            return new FleetSession(cluster, connectionString, a, null, counts, ownsDatabase: false);
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }
    }

    /// <summary>The process ids of the app instances, for CPU accounting.</summary>
    public IEnumerable<int> AppProcessIds => B is null ? [A.ProcessId] : [A.ProcessId, B.ProcessId];

    public TimeSpan AppCpuTime() => AppProcessIds.Aggregate(TimeSpan.Zero, (sum, pid) => sum + ProcessCpu.OfTree(pid));

    public async ValueTask DisposeAsync()
    {
        if (B is not null)
        {
            await B.DisposeAsync();
        }
        await A.DisposeAsync();
        await _access.DisposeAsync();
        if (_ownsDatabase)
        {
            await Cluster.DropDatabaseAsync(ConnectionString, CancellationToken.None);
        }
    }

    /// <summary>Links for (account, integration) pairs that have none yet, granting what the integration offers.</summary>
    private static async Task<long> AddLinksAsync(string connectionString, long wanted, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM account_links", connection);
        var missing = wanted - (long)(await count.ExecuteScalarAsync(ct))!;
        if (missing <= 0)
        {
            return 0;
        }
        await using var insert = new NpgsqlCommand("""
            INSERT INTO account_links (id, account_id, integration_id, status, linked_at, granted_actions)
            SELECT gen_random_uuid(), a.id, i.id, 'Active', now(), i.actions
            FROM accounts a CROSS JOIN integrations i
            WHERE NOT EXISTS (SELECT 1 FROM account_links l WHERE l.account_id = a.id AND l.integration_id = i.id)
            LIMIT $1
            """, connection) { CommandTimeout = 0 };
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = missing });
        return await insert.ExecuteNonQueryAsync(ct);
    }

    internal static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>What the fleet holds, as measured after seeding.</summary>
public sealed record FleetCounts(long Devices, long Accounts, long Links, long Exposures)
{
    public static async Task<FleetCounts> ReadAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM devices), (SELECT count(*) FROM accounts),
                   (SELECT count(*) FROM account_links), (SELECT count(*) FROM device_exposures)
            """, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new FleetCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
