using Dashboard.Core.Access.Telemetry;
using Dashboard.Core.Observability;
using Microsoft.Extensions.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dashboard.Web.Telemetry;

/// <summary>
/// Metrics and traces through OpenTelemetry (docs/decisions/0023): the product's meter and spans, ASP.NET Core,
/// HttpClient and Npgsql; Prometheus scraping at <c>/metrics</c> always, OTLP export only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
internal static class OpenTelemetrySetup
{
    public const string ServiceName = "fleet-dashboard";

    /// <summary>Hosting, Kestrel, routing, authorization, Identity, rate limiting, ...: what AddAspNetCoreInstrumentation adds.</summary>
    private const string AspNetCoreMeters = "Microsoft.AspNetCore.*";

    /// <summary>The name OpenTelemetry's <c>IMetricsListener</c> registers under.</summary>
    private const string OpenTelemetryListener = "OpenTelemetry";

    /// <summary>The standard variable (or configuration key) naming the collector; unset, nothing is pushed.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddDashboardOpenTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);

        // The meters made by this host's own IMeterFactory (the product's and ASP.NET Core's) are enabled through the
        // metrics builder with Local scope, not AddMeter (which listens to every meter of that name in the process):
        // two app instances in one process, as the tests run them, never count each other's requests or decisions.
        services.AddMetrics(m =>
        {
            m.EnableMetrics(AccessMetrics.MeterName, null, OpenTelemetryListener, MeterScope.Local);
            m.EnableMetrics(AspNetCoreMeters, null, OpenTelemetryListener, MeterScope.Local);
        });

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithMetrics(m =>
            {
                // HttpClient's and Npgsql's meters are process-wide (one per process), so AddMeter is right for them.
                m.AddHttpClientInstrumentation()
                    .AddNpgsqlInstrumentation()
                    // Every scrape reads the instruments now: a cached answer would hide the decisions just made.
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            // Spans are recorded only when someone collects them: without a listener the decision path skips them.
            telemetry.WithTracing(t => t
                .AddSource(DashboardActivities.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter());
        }
        return services;
    }
}
