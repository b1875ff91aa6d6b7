namespace Dashboard.Web.Hosting;

/// <summary>
/// Writes what a batching recorder noted in memory: on an interval, and once more on shutdown so nothing noted before
/// the stop is lost.
/// </summary>
internal abstract class PeriodicFlushService(TimeSpan interval, TimeProvider clock) : BackgroundService
{
    protected abstract Task FlushAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }
}
