using Dashboard.Core.Access.Runtime;

namespace Dashboard.Web.Access;

/// <summary>Runs the <see cref="PolicyApplier"/> loop for the life of the app.</summary>
internal sealed class PolicyApplierService(PolicyApplier applier) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        try
        {
            await applier.RunAsync(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
