using Dashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// Loads the bridge keys before the server starts listening (after migrations) and reloads them periodically.
/// A failed reload keeps the previous keys until they are too old to trust (see <see cref="BridgeKeyDirectory"/>).
/// </summary>
internal sealed class BridgeKeyRefresher(
    BridgeKeyDirectory directory,
    ReadinessGate gate,
    IOptions<DashboardAuthOptions> options,
    TimeProvider clock,
    ILogger<BridgeKeyRefresher> logger) : PeriodicService(options.Value.BridgeKeyRefreshInterval, clock)
{
    private readonly ReadinessGate.Step _step = gate.Register("bridge-keys");

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await TryRefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override Task TickAsync(CancellationToken ct) => TryRefreshAsync(ct);

    private async Task TryRefreshAsync(CancellationToken ct)
    {
        try
        {
            await directory.RefreshAsync(ct);
            _step.Complete();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AuthLog.BridgeKeysNotReloaded(logger, e);
        }
    }
}
