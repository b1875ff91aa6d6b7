using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Access.Signals;

/// <summary>
/// The banner's question ("is any integration above the threshold?") answered once per short period for every page
/// and user on this instance, so a room full of open admin pages costs one query, not one per page.
/// </summary>
public sealed class NotOwnerSignalMonitor(
    NotOwnerSignals signals, IOptions<SignalOptions> options, TimeProvider time, ILogger<NotOwnerSignalMonitor> logger)
{
    private readonly SemaphoreSlim refresh = new(1, 1);
    private volatile Reading? last;

    /// <summary>Integrations above the threshold now (at most <see cref="SignalOptions.BannerCacheDuration"/> old).</summary>
    public async Task<IReadOnlyList<IntegrationSignal>> CurrentAsync(CancellationToken ct = default)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }
        await refresh.WaitAsync(ct);
        try
        {
            if (Fresh() is { } again)
            {
                return again;
            }
            IReadOnlyList<IntegrationSignal> current;
            try
            {
                current = await signals.AboveThresholdAsync(ct: ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The banner is advisory: a page must still render when the database does not answer.
                SignalsLog.SignalUnreadable(logger, e);
                return last?.Signals ?? [];
            }
            last = new Reading(current, time.GetTimestamp());
            return current;
        }
        finally
        {
            refresh.Release();
        }
    }

    private sealed record Reading(IReadOnlyList<IntegrationSignal> Signals, long At);

    private IReadOnlyList<IntegrationSignal>? Fresh() =>
        last is { } l && time.GetElapsedTime(l.At) < options.Value.BannerCacheDuration ? l.Signals : null;
}
