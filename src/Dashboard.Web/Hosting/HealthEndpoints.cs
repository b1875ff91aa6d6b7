using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Dashboard.Web.Hosting;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary><c>/healthz</c>: the process is up (no checks). <c>/readyz</c>: every readiness check passes.</summary>
    public static WebApplication MapDashboardHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }
}
