using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Hosting;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary>
    /// <c>/healthz</c> (liveness): the process is up and serving; no checks, so an orchestrator restarts only a hung
    /// process, never one whose database is away. <c>/readyz</c> (readiness): every readiness check passes (database,
    /// start-up steps, change feed and lease); 503 otherwise, with each check's state, so a balancer stops sending
    /// traffic and an operator sees why.
    /// </summary>
    public static WebApplication MapDashboardHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// <c>{"status":"unhealthy","checks":[{"name":"database","status":"unhealthy","description":"..."}]}</c>. A
    /// check's own description is shown; an exception's message never is (it can name hosts and ports): the
    /// health check service logs it.
    /// </summary>
    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new ReadinessBody(
            Name(report.Status),
            report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => new ReadinessCheck(
                    e.Key,
                    Name(e.Value.Status),
                    e.Value.Description ?? (e.Value.Exception is null ? null : "The check failed with an error (logged).")))
                .ToList());
        return JsonSerializer.SerializeAsync(context.Response.Body, body, ReadinessJson, context.RequestAborted);
    }

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();

    private static readonly JsonSerializerOptions ReadinessJson = new(JsonSerializerDefaults.Web);

    private sealed record ReadinessBody(string Status, IReadOnlyList<ReadinessCheck> Checks);

    private sealed record ReadinessCheck(string Name, string Status, string? Description);
}
