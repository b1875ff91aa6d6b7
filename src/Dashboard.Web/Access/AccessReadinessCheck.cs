using Dashboard.Core.Access.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Access;

/// <summary>Ready only while the change feed is healthy and the lease holds: then decisions are answered from memory.</summary>
internal sealed class AccessReadinessCheck(ChangeFeedState feed, LocalLease lease) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !feed.IsHealthy ? HealthCheckResult.Unhealthy("The change feed is not connected and synchronized.")
            : !lease.Holds ? HealthCheckResult.Unhealthy("The enforcement-point lease does not hold.")
            : HealthCheckResult.Healthy());
}
