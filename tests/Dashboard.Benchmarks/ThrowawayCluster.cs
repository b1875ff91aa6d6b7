using Dashboard.Core.Data;
using Dashboard.LocalPostgres;
using Dashboard.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dashboard.Benchmarks;

/// <summary>
/// A PostgreSQL cluster of its own for one benchmark run, under the temp folder, deleted afterwards. A template
/// database is migrated once with the real migrations; every measured run gets a fresh clone of it.
/// </summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    private const string Template = "bench_template";

    private readonly LocalPostgresServer _server;
    private readonly string _root;
    private int _databases;

    private ThrowawayCluster(LocalPostgresServer server, string root, bool durable)
    {
        _server = server;
        _root = root;
        Durable = durable;
    }

    /// <summary>fsync and full-page writes on, as for the app's own data; otherwise off, as for tests.</summary>
    public bool Durable { get; }

    public static async Task<ThrowawayCluster> StartAsync(bool durable, CancellationToken ct)
    {
        var root = Path.Combine(Path.GetTempPath(), $"dashboard-bench-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var server = await LocalPostgresServer.StartAsync(
            new LocalPostgresOptions { DataDirectory = Path.Combine(root, "pgdata"), Database = Template, Ephemeral = !durable },
            NullLogger.Instance, ct);
        await using (var db = CreateDbContext(server.ConnectionString(Template)))
        {
            await db.Database.MigrateAsync(ct);
        }
        NpgsqlConnection.ClearAllPools();
        return new ThrowawayCluster(server, root, durable);
    }

    public static DashboardDbContext CreateDbContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        DashboardDb.Configure(options, connectionString);
        return new DashboardDbContext(options.Options);
    }

    /// <summary>A new database holding the migrated schema and no rows; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken ct)
    {
        var name = $"bench_{++_databases}";
        await ExecuteAsync(_server.ConnectionString("postgres"), $"CREATE DATABASE {name} TEMPLATE {Template}", ct);
        return _server.ConnectionString(name);
    }

    public async Task DropDatabaseAsync(string connectionString, CancellationToken ct)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await ExecuteAsync(_server.ConnectionString("postgres"), $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", ct);
        // A checkpoint now, so the next run does not pay for this one's dirty pages.
        await ExecuteAsync(_server.ConnectionString("postgres"), "CHECKPOINT", ct);
    }

    /// <summary>
    /// Settings for loading millions of rows that take effect without a restart: checkpoints every 8 GB of WAL or
    /// 30 minutes instead of every 1 GB, and 1 GB for VACUUM and index builds. <c>shared_buffers</c> would need a restart and stays at the default, as in the other scenarios.
    /// </summary>
    public async Task<string> TuneForBulkLoadAsync(CancellationToken ct)
    {
        string[] settings = ["max_wal_size = '8GB'", "checkpoint_timeout = '30min'", "maintenance_work_mem = '1GB'"];
        foreach (var setting in settings)
        {
            await ExecuteAsync(_server.ConnectionString("postgres"), "ALTER SYSTEM SET " + setting, ct);
        }
        await ExecuteAsync(_server.ConnectionString("postgres"), "SELECT pg_reload_conf()", ct);
        return string.Join(", ", settings);
    }

    /// <summary>CPU time used so far by the whole server (postmaster, backends, background processes).</summary>
    public TimeSpan ServerCpuTime()
    {
        var pidFile = File.ReadLines(Path.Combine(_server.DataDirectory, "postmaster.pid")).First();
        return ProcessCpu.OfTree(int.Parse(pidFile, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Wall time of a fixed CPU-bound query (counting ten million generated rows): how fast one core of this
    /// machine is for PostgreSQL right now, to compare runs made on different machines or at busier moments.
    /// </summary>
    public async Task<TimeSpan> ReferenceQueryAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_server.ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM generate_series(1, 10000000)", connection);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await command.ExecuteScalarAsync(ct);
        return System.Diagnostics.Stopwatch.GetElapsedTime(started);
    }

    public async Task<string> ServerVersionAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_server.ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        return connection.PostgreSqlVersion.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: it is under the temp folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
