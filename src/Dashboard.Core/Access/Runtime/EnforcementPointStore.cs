using Npgsql;

namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// This instance's row in <c>enforcement_points</c>: its heartbeat (the lease, stamped with the database clock) and
/// the revision it has applied, which propagation waiters poll.
/// </summary>
public sealed class EnforcementPointStore(AccessDatabase database, InstanceIdentity instance)
{
    // GREATEST: the applier and the heartbeat both write the applied revision; it must never go back.
    private const string HeartbeatSql = """
        INSERT INTO enforcement_points (instance_id, host, applied_revision, heartbeat_at, started_at)
        VALUES ($1, $2, $3, clock_timestamp(), clock_timestamp())
        ON CONFLICT (instance_id) DO UPDATE
            SET heartbeat_at = clock_timestamp(),
                applied_revision = GREATEST(enforcement_points.applied_revision, EXCLUDED.applied_revision)
        RETURNING (SELECT value FROM policy_revision WHERE id = 1)
        """;

    private const string AppliedSql = """
        UPDATE enforcement_points SET applied_revision = GREATEST(applied_revision, $2) WHERE instance_id = $1
        """;

    public InstanceIdentity Instance => instance;

    /// <summary>Renews the lease row; returns the current policy revision, read in the same statement.</summary>
    public async Task<long> HeartbeatAsync(long appliedRevision, CancellationToken ct)
    {
        await using var command = database.Pool.CreateCommand(HeartbeatSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = instance.InstanceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = instance.Host });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = appliedRevision });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The current policy revision, in a statement of its own (a snapshot taken after anything committed before).</summary>
    public async Task<long> CurrentRevisionAsync(CancellationToken ct)
    {
        await using var command = database.Pool.CreateCommand("SELECT value FROM policy_revision WHERE id = 1");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task WriteAppliedAsync(long appliedRevision, CancellationToken ct)
    {
        await using var command = database.Pool.CreateCommand(AppliedSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = instance.InstanceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = appliedRevision });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Marks the lease as lapsed right away (the instance already stopped answering from memory), so waiters need not
    /// wait for it to run out.
    /// </summary>
    public async Task ResignAsync(CancellationToken ct)
    {
        await using var command = database.Pool.CreateCommand(
            "UPDATE enforcement_points SET heartbeat_at = to_timestamp(0) WHERE instance_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = instance.InstanceId });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Removes the row when the instance stops (after it stopped answering).</summary>
    public async Task RemoveAsync(CancellationToken ct)
    {
        await using var command = database.Pool.CreateCommand("DELETE FROM enforcement_points WHERE instance_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = instance.InstanceId });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Forgets instances that died without removing their row (their lease lapsed long ago).</summary>
    public async Task PruneAsync(TimeSpan olderThan, CancellationToken ct)
    {
        await using var command = database.Pool.CreateCommand(
            "DELETE FROM enforcement_points WHERE heartbeat_at < clock_timestamp() - $1");
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = olderThan });
        await command.ExecuteNonQueryAsync(ct);
    }
}
