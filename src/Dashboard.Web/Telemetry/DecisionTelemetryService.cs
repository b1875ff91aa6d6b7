using Dashboard.Core.Access.Telemetry;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Telemetry;

/// <summary>
/// Writes decision telemetry every <see cref="TelemetryOptions.FlushInterval"/>, earlier when a full batch of not_owner
/// decisions is waiting, and once more on shutdown.
/// </summary>
internal sealed class DecisionTelemetryService(
    DecisionTelemetry telemetry,
    DecisionTelemetryWriter writer,
    IOptions<TelemetryOptions> options,
    ILogger<DecisionTelemetryService> logger) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        telemetry.BatchReady += Wake;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Woken early by a full batch; otherwise once per interval.
                await wake.WaitAsync(options.Value.FlushInterval, stoppingToken);
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync writes what is left.
        }
        finally
        {
            telemetry.BatchReady -= Wake;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        try
        {
            await writer.FlushAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The writer keeps what it could not store; a failure here must not stop the loop.
            TelemetryLog.FlushFailed(logger, e);
        }
    }

    private void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }
}
