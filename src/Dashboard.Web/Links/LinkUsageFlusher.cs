using Dashboard.Core.Integrations;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Links;

/// <summary>Settings under <c>Links</c>.</summary>
public sealed class LinkOptions
{
    public const string Section = "Links";

    /// <summary>How often last-used times of links are written (batched; see <see cref="LinkUsage"/>).</summary>
    public TimeSpan UsageFlushInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Flushes <see cref="LinkUsage"/> periodically and once more on shutdown.</summary>
internal sealed class LinkUsageFlusher(LinkUsage usage, IOptions<LinkOptions> options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.UsageFlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await usage.FlushAsync(stoppingToken);
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
        await usage.FlushAsync(cancellationToken);
    }
}
