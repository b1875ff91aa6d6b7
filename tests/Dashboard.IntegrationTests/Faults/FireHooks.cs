using Npgsql;

namespace Dashboard.IntegrationTests.Faults;

/// <summary>
/// Holds the policy revision's row lock from the test, so a fire that reaches its revision bump (the first write of
/// its transaction) waits there, inside its open transaction, for as long as the test wants: a kill at that moment
/// lands in the middle of the fire's transaction, not before or after it.
/// </summary>
public sealed class RevisionLock : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly NpgsqlConnection _connection;
    private NpgsqlTransaction? _transaction;

    private RevisionLock(string connectionString, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connectionString = connectionString;
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<RevisionLock> TakeAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("SELECT value FROM policy_revision WHERE id = 1 FOR UPDATE", connection, transaction);
        await command.ExecuteScalarAsync();
        return new RevisionLock(connectionString, connection, transaction);
    }

    /// <summary>
    /// Waits until a session of <paramref name="applicationName"/> waits for this lock; returns its server pid. Fails
    /// at once if <paramref name="request"/> (the request that should get there) ended first.
    /// </summary>
    public async Task<int> WaitForBlockedSessionAsync(string applicationName, Task<System.Net.HttpStatusCode?> request, TimeSpan timeout)
    {
        // Another session: inside a transaction pg_stat_activity is read once and then kept, so the lock holder's own
        // session would never see the fire arrive.
        await using var watching = new NpgsqlConnection(_connectionString);
        await watching.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND $2 = ANY (pg_blocking_pids(pid))", watching);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = applicationName });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _connection.ProcessID });
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await command.ExecuteScalarAsync() is int pid)
            {
                return pid;
            }
            if (request.IsCompleted)
            {
                throw new InvalidOperationException(
                    $"The request ended ({(await request)?.ToString() ?? "no answer"}) without waiting for the policy revision.");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"No session of {applicationName} waited for the policy revision within {timeout}: {await SessionsAsync(watching, applicationName)}");
            }
            await Task.Delay(10);
        }
    }

    private static async Task<string> SessionsAsync(NpgsqlConnection connection, string applicationName)
    {
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(pid || ' ' || state || ' ' || coalesce(wait_event, '-') || ' ' || left(query, 80), '; ') FROM pg_stat_activity WHERE application_name = $1",
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = applicationName });
        return await command.ExecuteScalarAsync() as string ?? "no session";
    }

    /// <summary>Rolls back the test's transaction: the waiting session gets the lock.</summary>
    public async Task ReleaseAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync();
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await _connection.DisposeAsync();
    }
}

/// <summary>
/// An enforcement point that renews its lease but never applies a revision, written into <c>enforcement_points</c> by
/// the test. A fire commits, then waits for it (a point with a live lease must confirm or expire), so the fire's
/// propagation wait stays open, its switch already committed, until the test stops the point.
/// </summary>
public sealed class StalledEnforcementPoint : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _id = "stalled-" + Guid.NewGuid().ToString("N")[..8];
    private readonly CancellationTokenSource _stop = new();
    private Task _renewing = Task.CompletedTask;

    private StalledEnforcementPoint(string connectionString) => _connectionString = connectionString;

    public static async Task<StalledEnforcementPoint> StartAsync(string connectionString)
    {
        var point = new StalledEnforcementPoint(connectionString);
        await point.ExecuteAsync("""
            INSERT INTO enforcement_points (instance_id, host, applied_revision, heartbeat_at, started_at)
            VALUES ($1, 'fault-test', 0, clock_timestamp(), clock_timestamp())
            """);
        point._renewing = Task.Run(point.RenewAsync);
        return point;
    }

    /// <summary>Stops renewing and removes the row, as a stopped instance does: a waiter counts it as gone.</summary>
    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        await _stop.CancelAsync();
        await _renewing;
        await ExecuteAsync("DELETE FROM enforcement_points WHERE instance_id = $1");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    // Well inside the 2 s lease even on a loaded machine.
    private async Task RenewAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await ExecuteAsync("UPDATE enforcement_points SET heartbeat_at = clock_timestamp() WHERE instance_id = $1");
            await Task.Delay(100, CancellationToken.None);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _id });
        await command.ExecuteNonQueryAsync();
    }
}
