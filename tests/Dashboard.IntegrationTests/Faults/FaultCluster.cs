using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.LocalPostgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dashboard.IntegrationTests.Faults;

/// <summary>
/// A PostgreSQL cluster of a fault test's own (so what it does to sessions, locks and instances never reaches the
/// cluster other tests share), with one migrated database. Instances are started by the test itself, each with its
/// own <c>Application Name</c> (<see cref="ConnectionString"/>), so the sessions a killed instance left behind can be
/// told apart from a survivor's in <c>pg_stat_activity</c>. Throwaway: fsync off, deleted when done (or by the next
/// run if this one is killed).
/// </summary>
public sealed class FaultCluster : IAsyncLifetime
{
    private const string FolderPrefix = "dashboard-fault-";

    private readonly string _root = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
    private LocalPostgresServer? _server;

    /// <summary>The migrated database, as the test itself connects to it.</summary>
    public string Database => _server?.ConnectionString("dashboard") ?? throw new InvalidOperationException("Not started.");

    /// <summary>The database for an instance whose sessions carry <paramref name="applicationName"/>.</summary>
    public string ConnectionString(string applicationName) =>
        new NpgsqlConnectionStringBuilder(Database) { ApplicationName = applicationName }.ConnectionString;

    public async Task InitializeAsync()
    {
        await AbandonedClusters.CleanUpAsync(Path.GetTempPath(), FolderPrefix, NullLogger.Instance);
        _server = await LocalPostgresServer.StartAsync(
            new LocalPostgresOptions { DataDirectory = Path.Combine(_root, "pgdata"), Database = "dashboard", Ephemeral = true },
            NullLogger.Instance);
        await using var db = TestPostgres.CreateDbContext(Database);
        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// Waits until no session carries <paramref name="applicationName"/>: a killed instance's sessions end once their
    /// server process notices the closed socket (at once when idle, after the statement when busy), and a transaction
    /// is only ever rolled back then, since no client is left to send its COMMIT.
    /// </summary>
    public async Task WaitUntilSessionsGoneAsync(string applicationName, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = await ScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", applicationName);
            if (left == 0)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{left} session(s) of {applicationName} still open after {timeout}.");
            }
            await Task.Delay(20);
        }
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The next run's clean-up removes what is left.
        }
    }
}

/// <summary>
/// Tests that kill instances: alone (no other test class in parallel), so their waits measure the product, not the
/// neighbours.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "Faults";
}
