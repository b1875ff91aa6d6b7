using System.Diagnostics;
using Dashboard.Core.Access.Runtime;
using Dashboard.Core.Access.Telemetry;
using Dashboard.Core.Observability;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dashboard.Core.Access.Propagation;

/// <summary>
/// Waits, after a commit, until every enforcement point that held a live lease has applied the change or let its
/// lease lapse. Leases are judged by the database clock alone (heartbeats are stamped with it), so no instance's clock
/// matters. Usage: <c>commit; var proof = await waiter.WaitAsync(revision, ct);</c> then answer.
/// </summary>
public sealed class PropagationWaiter(
    AccessDatabase database, IOptions<AccessOptions> options, TimeProvider time, AccessMetrics? metrics = null)
{
    // Every point is judged with the longest lease any point may hold: waiting too long is safe, too briefly is not.
    private static readonly TimeSpan Lease = AccessOptions.MaxLeaseDuration;

    private const string LivePointsSql = """
        SELECT instance_id, applied_revision >= $1
        FROM enforcement_points
        WHERE heartbeat_at > clock_timestamp() - $2
        """;

    // A point whose row is gone was stopped: it removed its row only after it stopped answering.
    private const string PollSql = """
        SELECT instance_id, applied_revision >= $1, heartbeat_at + $2 < clock_timestamp()
        FROM enforcement_points
        WHERE instance_id = ANY($3)
        """;

    public async Task<PropagationProof> WaitAsync(long revision, CancellationToken ct = default)
    {
        using var activity = DashboardActivities.Start(DashboardActivities.PropagationWait);
        activity?.SetTag("dashboard.revision", revision);
        try
        {
            var proof = await WaitUntracedAsync(revision, ct);
            activity?.SetTag("dashboard.propagation.points", proof.EnforcementPoints);
            activity?.SetTag("dashboard.propagation.expired", proof.Expired);
            return proof;
        }
        catch (PropagationTimeoutException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "timeout");
            throw;
        }
    }

    private async Task<PropagationProof> WaitUntracedAsync(long revision, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var settings = options.Value;
        var pending = new HashSet<string>(StringComparer.Ordinal);
        var confirmed = 0;
        await using (var live = database.Pool.CreateCommand(LivePointsSql))
        {
            live.Parameters.Add(new NpgsqlParameter<long> { TypedValue = revision });
            live.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = Lease });
            await using var reader = await live.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (reader.GetBoolean(1))
                {
                    confirmed++;
                }
                else
                {
                    pending.Add(reader.GetString(0));
                }
            }
        }
        var points = confirmed + pending.Count;
        var expired = 0;
        while (pending.Count > 0)
        {
            if (time.GetElapsedTime(started) > settings.PropagationTimeout)
            {
                metrics?.Propagated(time.GetElapsedTime(started), completed: false);
                throw new PropagationTimeoutException(revision, Proof(confirmed, points, expired, started));
            }
            await Task.Delay(settings.PropagationPollInterval, time, ct);
            var (nowConfirmed, nowExpired) = await PollAsync(revision, pending, ct);
            confirmed += nowConfirmed;
            expired += nowExpired;
        }
        metrics?.Propagated(time.GetElapsedTime(started), completed: true);
        return Proof(confirmed, points, expired, started);
    }

    /// <summary>Removes from <paramref name="pending"/> the points that confirmed or expired, and counts them.</summary>
    private async Task<(int Confirmed, int Expired)> PollAsync(long revision, HashSet<string> pending, CancellationToken ct)
    {
        await using var poll = database.Pool.CreateCommand(PollSql);
        poll.Parameters.Add(new NpgsqlParameter<long> { TypedValue = revision });
        poll.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = Lease });
        poll.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = pending.ToArray() });
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int confirmed = 0, expired = 0;
        await using (var reader = await poll.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetString(0);
                seen.Add(id);
                // Confirmation wins over expiry: a point that applied the revision is counted as confirmed.
                if (reader.GetBoolean(1))
                {
                    confirmed++;
                    pending.Remove(id);
                }
                else if (reader.GetBoolean(2))
                {
                    expired++;
                    pending.Remove(id);
                }
            }
        }
        foreach (var gone in pending.Where(id => !seen.Contains(id)).ToList())
        {
            expired++;
            pending.Remove(gone);
        }
        return (confirmed, expired);
    }

    private PropagationProof Proof(int confirmed, int points, int expired, long started) =>
        new(confirmed, points, expired, Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 2));
}
