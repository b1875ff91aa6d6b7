namespace Dashboard.Web.Components.Pages.KillSwitches;

/// <summary>
/// Reads a page's state again every few seconds while it is open, so what another admin changes (a lift requested or
/// approved, a switch fired) shows without a reload. Core raises no in-process event a circuit could subscribe to for
/// these changes (lift requests notify nothing at all), hence a timer; see docs/decisions/0050-live-kill-switch-pages.md.
/// </summary>
public sealed partial class LiveRefresh(ILogger logger) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource stopping = new();
    private bool started;

    /// <summary>Starts ticking (once); <paramref name="tick"/> runs on the component's dispatcher and renders.</summary>
    public void Start(Func<CancellationToken, Task> tick)
    {
        if (!started)
        {
            started = true;
            _ = RunAsync(tick);
        }
    }

    private async Task RunAsync(Func<CancellationToken, Task> tick)
    {
        // Taken once: the source is disposed with the component, its token stays usable.
        var token = stopping.Token;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(token))
            {
                try
                {
                    await tick(token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The numbers on screen stay as last read; the next tick tries again.
                    RefreshFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page was left.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live page could not read its state again")]
    private static partial void RefreshFailed(ILogger logger, Exception exception);

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }
}
