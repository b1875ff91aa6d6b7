namespace Dashboard.Web.Hosting;

/// <summary>
/// Writes what a batching recorder noted in memory: on an interval, and once more on shutdown so nothing noted before
/// the stop is lost.
/// </summary>
internal abstract class PeriodicFlushService(TimeSpan interval, TimeProvider clock) : PeriodicService(interval, clock)
{
    protected abstract Task FlushAsync(CancellationToken ct);

    protected sealed override Task TickAsync(CancellationToken ct) => FlushAsync(ct);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }
}
