using System.Threading.Channels;
using Dashboard.Core.Access.Propagation;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// The one place where this instance applies changes, one batch at a time, always in the same order: invalidate
/// (bump generations, reload the catalog), then drain the decisions that started before, then raise the applied
/// revision and report it. So "applied revision R" means: no decision made on facts older than R is still unanswered,
/// and none will be made from now on.
/// </summary>
/// <remarks>
/// Notifications arrive in commit order and every writer bumps the revision by one per notification
/// (<see cref="ChangeNotifier"/>), so a revision that skips one means a change was committed without a notification:
/// then, as for an unreadable payload, a reconnect or a heartbeat that found the database ahead, everything is
/// resynchronized. A resync reads the catalog first and flushes after, so every cached entry valid afterwards was read
/// after the catalog's snapshot.
/// </remarks>
public sealed class PolicyApplier(
    AccessState state,
    Generations generations,
    InFlightDecisions inFlight,
    AccessFactsReader reader,
    EnforcementPointStore points,
    ChangeFeedState feed,
    LocalLease lease,
    TimeProvider time,
    ILogger<PolicyApplier> logger)
{
    private readonly Channel<PolicyWork> _work = Channel.CreateUnbounded<PolicyWork>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private long _busySince;

    public void Notified(string payload) => _work.Writer.TryWrite(new PolicyWork.Notified(time.GetTimestamp(), payload));

    public void Resync(string reason, long? feedSession = null) =>
        _work.Writer.TryWrite(new PolicyWork.Resync(time.GetTimestamp(), reason, feedSession));

    public void CatchUp(long revision) => _work.Writer.TryWrite(new PolicyWork.CatchUp(time.GetTimestamp(), revision));

    /// <summary>How long the oldest unapplied work has been waiting (zero when there is none).</summary>
    public TimeSpan Lag
    {
        get
        {
            var oldest = Volatile.Read(ref _busySince);
            if (_work.Reader.TryPeek(out var queued) && (oldest == 0 || queued.PostedAt < oldest))
            {
                oldest = queued.PostedAt;
            }
            return oldest == 0 ? TimeSpan.Zero : time.GetElapsedTime(oldest);
        }
    }

    /// <summary>Applies everything posted, batch by batch, until <paramref name="stop"/>. A failed batch is retried as a resync.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var batch = new List<PolicyWork>();
        var retryDelay = TimeSpan.FromMilliseconds(50);
        while (await _work.Reader.WaitToReadAsync(stop))
        {
            batch.Clear();
            while (_work.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            Volatile.Write(ref _busySince, batch.Min(w => w.PostedAt));
            try
            {
                await ApplyAsync(batch, stop);
                Volatile.Write(ref _busySince, 0);
                retryDelay = TimeSpan.FromMilliseconds(50);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                // Changes are known and not applied: answering from memory now could be stale.
                lease.Revoke();
                RuntimeLog.ApplyFailed(logger, e, retryDelay);
                var session = batch.OfType<PolicyWork.Resync>().Select(r => r.FeedSession).LastOrDefault(s => s is not null);
                await Task.Delay(retryDelay, time, stop);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
                // The batch stays "busy" until the retry succeeds, so the lag keeps growing and the lease stays off.
                _work.Writer.TryWrite(new PolicyWork.Resync(Volatile.Read(ref _busySince), "retry after a failure", session));
            }
        }
    }

    public async Task ApplyAsync(IReadOnlyList<PolicyWork> batch, CancellationToken ct)
    {
        var applied = state.AppliedRevision;
        var plan = Plan(batch, applied);
        if (plan.Resync is { } reason)
        {
            var catalog = await reader.ReadCatalogAsync(ct);
            state.Publish(catalog);
            generations.InvalidateAll();
            await inFlight.DrainAsync(ct);
            applied = state.Advance(catalog.Revision);
            RuntimeLog.Resynchronized(logger, applied, reason);
        }
        else
        {
            foreach (var change in plan.Changes)
            {
                Invalidate(change);
            }
            if (plan.Changes.Any(c => c.ChangesCatalog))
            {
                state.Publish(await reader.ReadCatalogAsync(ct));
            }
            await inFlight.DrainAsync(ct);
            applied = state.Advance(plan.Revision);
        }
        foreach (var session in batch.OfType<PolicyWork.Resync>().Select(r => r.FeedSession))
        {
            if (session is { } s)
            {
                feed.Synced(s);
            }
        }
        await ReportAsync(applied, ct);
    }

    /// <summary>What a batch needs: a full resync (with the reason), or the changes to invalidate and the revision they reach.</summary>
    internal static (string? Resync, IReadOnlyList<PolicyChange> Changes, long Revision) Plan(IReadOnlyList<PolicyWork> batch, long applied)
    {
        string? resync = null;
        var changes = new List<PolicyChange>();
        var expected = applied;
        var catchUp = long.MinValue;
        foreach (var work in batch)
        {
            switch (work)
            {
                case PolicyWork.Resync r:
                    resync ??= r.Reason;
                    break;
                case PolicyWork.CatchUp c:
                    catchUp = Math.Max(catchUp, c.Revision);
                    break;
                case PolicyWork.Notified n:
                    if (!PolicyChangeMessage.TryParse(n.Payload, out var notification))
                    {
                        resync ??= "an unreadable notification";
                        break;
                    }
                    if (notification.Change.All)
                    {
                        resync ??= "a change of everything";
                    }
                    else if (notification.Revision > expected + 1)
                    {
                        resync ??= $"revision {notification.Revision} followed {expected}: a change was not notified";
                    }
                    changes.Add(notification.Change);
                    expected = Math.Max(expected, notification.Revision);
                    break;
            }
        }
        // Judged against what the whole batch reaches: a notification in the same batch may be the one awaited.
        if (catchUp > expected)
        {
            resync ??= $"the database is at revision {catchUp}, {expected} applied: a notification was lost";
        }
        return (resync, changes, expected);
    }

    private void Invalidate(PolicyChange change)
    {
        foreach (var serial in change.Devices)
        {
            generations.InvalidateDevice(serial);
        }
        foreach (var account in change.Accounts)
        {
            generations.InvalidateAccount(account);
        }
        foreach (var integration in change.Integrations)
        {
            generations.InvalidateIntegration(integration);
        }
    }

    /// <summary>Tells propagation waiters at once; if this fails the next heartbeat carries the revision.</summary>
    private async Task ReportAsync(long applied, CancellationToken ct)
    {
        try
        {
            await points.WriteAppliedAsync(applied, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            RuntimeLog.RevisionNotReported(logger, e, applied);
        }
    }
}
