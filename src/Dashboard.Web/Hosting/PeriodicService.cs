namespace Dashboard.Web.Hosting;

/// <summary>
/// The one periodic loop of the app's background services: <see cref="TickAsync"/> every interval (on the given
/// clock, so tests can move time) until the host stops. A tick that throws ends the loop, so ticks catch what they
/// can live with; stopping is not an error.
/// </summary>
internal abstract class PeriodicService(TimeSpan interval, TimeProvider clock) : BackgroundService
{
    protected abstract Task TickAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TickAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
