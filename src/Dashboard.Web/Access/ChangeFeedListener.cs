using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Access.Runtime;
using Npgsql;

namespace Dashboard.Web.Access;

/// <summary>
/// Holds one dedicated connection on <c>LISTEN dashboard_changes</c> and hands every payload to the applier. When the
/// connection is lost the feed turns unhealthy at once (the lease is revoked), then reconnects with backoff; after
/// LISTEN is back it asks for a full resync, since anything may have been missed meanwhile.
/// </summary>
internal sealed class ChangeFeedListener(
    AccessDatabase database,
    PolicyApplier applier,
    ChangeFeedState feed,
    TimeProvider time,
    ILogger<ChangeFeedListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var retry = FirstRetry;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stop, () => retry = FirstRetry);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                feed.Lost();
                AccessLog.ChangeFeedLost(logger, e, retry);
                try
                {
                    await Task.Delay(retry, time, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
            }
        }
        feed.Lost();
    }

    private async Task ListenAsync(CancellationToken stop, Action connected)
    {
        await using var connection = new NpgsqlConnection(database.FeedConnectionString);
        await connection.OpenAsync(stop);
        // Raised on this loop's thread while it waits; the applier only queues the payload.
        connection.Notification += (_, e) => applier.Notified(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PolicyChangeMessage.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stop);
        }
        var session = feed.Connected(connection.ProcessID);
        applier.Resync("change feed connected", session);
        connected();
        AccessLog.Listening(logger, connection.ProcessID);
        while (true)
        {
            await connection.WaitAsync(stop);
        }
    }
}
