using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Access.Runtime;

/// <summary>What one heartbeat did.</summary>
public enum LeaseBeat
{
    /// <summary>The lease held and was extended.</summary>
    Renewed,

    /// <summary>The lease had lapsed and starts again: everything committed before the renewal was visible is applied.</summary>
    Revived,

    /// <summary>The lease had lapsed and stays off until the instance has caught up (a resync was asked for).</summary>
    CatchingUp,

    /// <summary>No renewal: the change feed is not healthy (the row is left to lapse).</summary>
    FeedUnhealthy,

    /// <summary>No renewal: changes have waited too long to be applied.</summary>
    Stalled,

    /// <summary>The database could not be reached.</summary>
    Failed,
}

/// <summary>
/// One heartbeat of the lease: renew this instance's enforcement-point row, and decide whether it may answer from
/// memory until <c>sent + lease</c>.
/// </summary>
/// <remarks>
/// <para>A lease that still holds is simply extended. A lease that lapsed (or never held) is revived only when the
/// instance has applied the revision read <em>after</em> the renewal committed: a propagation waiter that counted
/// this instance as expired did so before that renewal was visible, so its change is at most that revision, and
/// is applied. Without that rule a renewal in flight could bring back a lease over a stale cache.</para>
/// <para>The heartbeat also reads the current revision: if the database was ahead at the previous beat and still is,
/// a notification was lost and a resync is asked for, so a lost notification delays a change by about one beat.</para>
/// </remarks>
public sealed class LeaseKeeper(
    EnforcementPointStore points,
    LocalLease lease,
    ChangeFeedState feed,
    AccessState state,
    PolicyApplier applier,
    InFlightDecisions inFlight,
    IOptions<AccessOptions> options,
    TimeProvider time,
    ILogger<LeaseKeeper> logger)
{
    private long _behindTarget;
    private bool _resigned = true;

    public async Task<LeaseBeat> BeatAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var token = lease.Token;
        var session = feed.Session;
        if (!feed.IsHealthyIn(session))
        {
            await ResignAsync(ct);
            return LeaseBeat.FeedUnhealthy;
        }
        if (applier.Lag > settings.LeaseDuration / 2)
        {
            await ResignAsync(ct);
            return LeaseBeat.Stalled;
        }

        var sentAt = time.GetTimestamp();
        long current;
        try
        {
            current = await points.HeartbeatAsync(state.AppliedRevision, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            RuntimeLog.LeaseRenewalFailed(logger, e);
            return LeaseBeat.Failed;
        }
        _resigned = false;

        var applied = state.AppliedRevision;
        if (_behindTarget > applied)
        {
            applier.CatchUp(_behindTarget);
        }
        _behindTarget = current > applied ? current : 0;

        if (lease.TryRenew(token, sentAt, settings.LocalLeaseDuration))
        {
            return LeaseBeat.Renewed;
        }
        return await ReviveAsync(token, session, sentAt, settings, ct);
    }

    private async Task<LeaseBeat> ReviveAsync(long token, long session, long sentAt, AccessOptions settings, CancellationToken ct)
    {
        long fresh;
        try
        {
            fresh = await points.CurrentRevisionAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            RuntimeLog.RevisionReadFailed(logger, e);
            return LeaseBeat.Failed;
        }
        // Notifications up to `fresh` are usually on their way: give them a moment before asking for a full resync.
        var deadline = time.GetTimestamp() + (long)(settings.HeartbeatInterval.TotalSeconds / 2 * time.TimestampFrequency);
        while (state.AppliedRevision < fresh && time.GetTimestamp() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), time, ct);
        }
        if (state.AppliedRevision >= fresh && feed.IsHealthyIn(session) && lease.TryRevive(token, sentAt, settings.LocalLeaseDuration))
        {
            RuntimeLog.LeaseAcquired(logger, state.AppliedRevision);
            return LeaseBeat.Revived;
        }
        applier.CatchUp(fresh);
        return LeaseBeat.CatchingUp;
    }

    /// <summary>
    /// Once per lapse: mark the row expired so waiters do not wait out the lease (best effort). Only after every
    /// decision that may have started under the lease has been answered; if that takes too long, the lease is left to
    /// run out instead.
    /// </summary>
    private async Task ResignAsync(CancellationToken ct)
    {
        lease.Revoke();
        if (_resigned)
        {
            return;
        }
        try
        {
            using var drained = CancellationTokenSource.CreateLinkedTokenSource(ct);
            drained.CancelAfter(options.Value.LeaseDuration);
            await inFlight.DrainAsync(drained.Token);
            await points.ResignAsync(ct);
            _resigned = true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            RuntimeLog.DecisionsInFlight(logger);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            RuntimeLog.LapseNotMarked(logger, e);
        }
    }
}
