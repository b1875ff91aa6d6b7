using Dashboard.Core.Access.Runtime;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Access;

/// <summary>
/// Beats the lease every <see cref="AccessOptions.HeartbeatInterval"/> (at once when the change feed turns healthy),
/// and on shutdown stops answering from memory, then removes this instance's enforcement-point row.
/// </summary>
internal sealed class LeaseHeartbeatService(
    LeaseKeeper keeper,
    LocalLease lease,
    ChangeFeedState feed,
    EnforcementPointStore points,
    IOptions<AccessOptions> options,
    TimeProvider time,
    ILogger<LeaseHeartbeatService> logger) : BackgroundService
{
    private const int PruneEveryBeats = 600;
    private static readonly TimeSpan DeadRowAge = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        feed.BecameHealthy += Wake;
        try
        {
            var beats = 0;
            while (!stop.IsCancellationRequested)
            {
                var started = time.GetTimestamp();
                await keeper.BeatAsync(stop);
                if (++beats % PruneEveryBeats == 0)
                {
                    await PruneAsync(stop);
                }
                var wait = options.Value.HeartbeatInterval - time.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await _wake.WaitAsync(wait, stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            feed.BecameHealthy -= Wake;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        lease.Revoke();
        try
        {
            await points.RemoveAsync(cancellationToken);
        }
        catch (Exception e)
        {
            AccessLog.EnforcementPointNotRemoved(logger, e);
        }
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    private async Task PruneAsync(CancellationToken stop)
    {
        try
        {
            await points.PruneAsync(DeadRowAge, stop);
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            AccessLog.PruningFailed(logger, e);
        }
    }
}
