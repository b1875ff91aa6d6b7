using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Instances started at once over one database take turns through start-up: each holds a session-level
/// <c>pg_advisory_lock</c> from before the first hosted service starts until all have started. So exactly one runs
/// the migrations and seeds what is missing while the others wait, then find the schema current and the fixture
/// there; and the Data Protection key ring is created by the first instance only (two instances creating a key each
/// at once would each sign cookies with a key the other does not load until its next key-ring refresh, up to a day).
/// </summary>
/// <remarks>
/// The lock lives on a connection of its own outside the pool, so closing it (or the process dying) releases it:
/// an instance that crashes mid-start never blocks the others.
/// </remarks>
internal sealed partial class StartupLock(
    DatabaseEndpoint database, IDataProtectionProvider dataProtection, ILogger<StartupLock> logger) : IHostedLifecycleService
{
    /// <summary>Arbitrary constant naming the lock; distinct from the audit and seed locks.</summary>
    internal const long LockKey = 0x5374_6172_7400_0001;

    /// <summary>The lock's session, named so it can be found in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "dashboard-startup";

    private NpgsqlConnection? _connection;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, ApplicationName = ApplicationName };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (await ExecuteAsync(connection, $"SELECT pg_try_advisory_lock({LockKey})", cancellationToken) is not true)
            {
                LogWaiting();
                // As long as the other start-up takes (migrations on a loaded machine can take minutes): no command
                // timeout. It cannot wait forever on a dead instance: the lock dies with that instance's session.
                await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken, timeoutSeconds: 0);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        _connection = connection;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        // Creates the key ring in the database now if there is none, while the others still wait: they load this key.
        dataProtection.CreateProtector(nameof(StartupLock)).Protect([0]);
        await ReleaseAsync();
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // A start that failed never reaches StartedAsync: the host stops, and the lock goes with the connection.
    public Task StopAsync(CancellationToken cancellationToken) => ReleaseAsync();

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ReleaseAsync()
    {
        var connection = Interlocked.Exchange(ref _connection, null);
        if (connection is not null)
        {
            // Closing the session releases its advisory locks.
            await connection.DisposeAsync();
        }
    }

    private static async Task<object?> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, int? timeoutSeconds = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (timeoutSeconds is { } seconds)
        {
            command.CommandTimeout = seconds;
        }
        return await command.ExecuteScalarAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Another instance is starting over this database; waiting for it to finish its start-up steps")]
    private partial void LogWaiting();
}
