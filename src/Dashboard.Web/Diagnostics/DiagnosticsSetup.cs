using Dashboard.Web.Telemetry;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Diagnostics;

/// <summary>
/// <c>GET /diagnostics/memory</c>, only when <see cref="DiagnosticsOptions.Enabled"/>: nothing of it (not even the
/// circuit counter) exists otherwise. Call after the telemetry setup, whose staff-token policy it shares.
/// </summary>
public static class DiagnosticsSetup
{
    public const string MemoryPath = "/diagnostics/memory";

    public static WebApplicationBuilder AddDashboardDiagnostics(this WebApplicationBuilder builder)
    {
        if (IsEnabled(builder.Configuration))
        {
            builder.Services.TryAddSingleton<CircuitCounter>();
            builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitCounter.Handler>());
        }
        return builder;
    }

    public static WebApplication MapDashboardDiagnostics(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            app.MapGet(MemoryPath, (CircuitCounter circuits, HttpContext context) =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    return Results.Ok(MemoryReading.AfterFullCollection(circuits));
                })
                .WithName("DiagnosticsMemory")
                .ExcludeFromDescription()
                .RequireAuthorization(TelemetrySetup.MetricsPolicy);
        }
        return app;
    }

    private static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(DiagnosticsOptions.Section).Get<DiagnosticsOptions>()?.Enabled ?? false;
}
