using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Core.Access.Propagation;

/// <summary>
/// The writer's side of the change feed. Every transaction that can change an access decision calls
/// <see cref="BumpAndNotifyAsync(DashboardDbContext, PolicyChange, CancellationToken)"/> before it commits: the policy
/// revision is bumped and the change is notified in the same transaction, so PostgreSQL delivers the notification at
/// commit, in commit order, and never for a change that rolled back. Then, after the commit, the writer calls
/// <see cref="PropagationWaiter.WaitAsync"/> with the returned revision before answering.
/// </summary>
public sealed class ChangeNotifier
{
    /// <summary>Bumps the policy revision and notifies the change in the caller's transaction; returns the new revision.</summary>
    public async Task<long> BumpAndNotifyAsync(DashboardDbContext db, PolicyChange change, CancellationToken ct = default)
    {
        var revision = await PolicyRevisions.BumpAsync(db, ct);
        await NotifyAsync(db, revision, change, ct);
        return revision;
    }

    /// <summary>The same for writers on a raw Npgsql connection (bulk loads with COPY).</summary>
    public async Task<long> BumpAndNotifyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PolicyChange change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var bump = new NpgsqlCommand("UPDATE policy_revision SET value = value + 1 WHERE id = 1 RETURNING value", connection, transaction);
        var revision = (long)(await bump.ExecuteScalarAsync(ct))!;
        await using var notify = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection, transaction);
        notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PolicyChangeMessage.Channel });
        notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PolicyChangeMessage.Serialize(revision, change) });
        await notify.ExecuteNonQueryAsync(ct);
        return revision;
    }

    /// <summary>
    /// Notifies a change already counted in <paramref name="revision"/> (bumped with <see cref="PolicyRevisions.BumpAsync"/>
    /// in this transaction). Prefer <see cref="BumpAndNotifyAsync(DashboardDbContext, PolicyChange, CancellationToken)"/>.
    /// </summary>
    public async Task NotifyAsync(DashboardDbContext db, long revision, PolicyChange change, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A change is notified in the same transaction as the change, so it is delivered at commit.");
        }
        var payload = PolicyChangeMessage.Serialize(revision, change);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({PolicyChangeMessage.Channel}, {payload})", ct);
    }
}
