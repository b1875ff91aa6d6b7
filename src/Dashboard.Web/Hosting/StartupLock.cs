using Npgsql;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Instances started at once over one database take turns through the start-up steps that must run once: applying
/// the migrations and creating the first Data Protection key (see <see cref="MigrationHostedService"/>). Unlocked,
/// two instances both migrate (one fails on objects the other just created) and each creates a key of its own,
/// signing cookies the other cannot read until its next key-ring refresh, up to a day later.
/// </summary>
/// <remarks>
/// A session-level <c>pg_advisory_lock</c> on a connection of its own outside the pool: disposing the handle, or the
/// process dying, ends the session and so releases the lock; an instance that crashes mid-start never blocks others.
/// </remarks>
internal sealed partial class StartupLock : IAsyncDisposable
{
    /// <summary>Arbitrary constant naming the lock; distinct from the audit and seed locks.</summary>
    internal const long LockKey = 0x5374_6172_7400_0001;

    /// <summary>The lock's session, named so it can be found in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "dashboard-startup";

    private readonly NpgsqlConnection _connection;

    private StartupLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Waits (as long as it takes) until no other instance is in its start-up steps, then holds the lock.</summary>
    public static async Task<StartupLock> AcquireAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = ApplicationName };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (await ExecuteAsync(connection, $"SELECT pg_try_advisory_lock({LockKey})", ct) is not true)
            {
                LogWaiting(logger);
                // As long as the other start-up takes (migrations on a loaded machine can take minutes): no command
                // timeout. It cannot wait forever on a dead instance: the lock dies with that instance's session.
                await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", ct, timeoutSeconds: 0);
            }
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closing the session releases its advisory locks.</summary>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

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
    private static partial void LogWaiting(ILogger logger);
}
