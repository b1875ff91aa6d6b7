using Dashboard.Core.Access.Runtime;
using Dashboard.Core.Access.Signals;
using Dashboard.Core.Access.Telemetry;
using Dashboard.Core.Auth;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Dashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Telemetry;

/// <summary>
/// Decision telemetry (counters, the not_owner record), the cross-tenant signal, metrics and traces
/// (<see cref="OpenTelemetrySetup"/>) and <c>/metrics</c>.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    /// <summary>Staff API tokens only: a scraper is a machine, and a sign-in cookie is for pages.</summary>
    public const string MetricsPolicy = "Metrics";

    private const string MetricsScheme = "MetricsBearer";

    public static WebApplicationBuilder AddDashboardTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<TelemetryOptions>(builder.Configuration, TelemetryOptions.Section);
        services.AddValidatedOptions<SignalOptions>(builder.Configuration, SignalOptions.Section);
        services.AddOptions<MetricsOptions>().Bind(builder.Configuration.GetSection(MetricsOptions.Section));

        services.AddDashboardOpenTelemetry(builder.Configuration);
        services.AddSingleton<DecisionTelemetry>();
        services.AddSingleton<IAccessDecisionObserver>(sp => sp.GetRequiredService<DecisionTelemetry>());
        services.AddSingleton<AccessMetrics>();
        services.AddSingleton<IAccessDecisionObserver, DecisionMetricsObserver>();
        services.AddSingleton<IAccessDecisionObserver, DenialLog>();
        services.AddSingleton<DecisionTelemetryWriter>();
        services.AddHostedService<DecisionTelemetryService>();
        services.AddSingleton<TelemetryRetention>();
        services.AddHostedService<TelemetryRetentionService>();

        services.AddSingleton<NotOwnerSignals>();
        services.AddSingleton<NotOwnerSignalMonitor>();
        services.AddSingleton<DecisionActivity>();
        services.AddSingleton<CustomerActivity>();

        // Like the API: a bearer credential goes to its own scheme (a bridge key is recognised, then refused with 403),
        // and no credential is a 401 problem, never a redirect to the sign-in page.
        services.AddAuthentication().AddPolicyScheme(MetricsScheme, "Staff token on /metrics", o => o.ForwardDefaultSelector =
            c => BearerToken.TryRead(c.Request, out _) ? SchemeSelector.Select(c) : AuthSchemes.StaffToken);
        services.AddAuthorizationBuilder().AddPolicy(MetricsPolicy, p => p
            .AddAuthenticationSchemes(MetricsScheme)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.VendorAdmin, Roles.Support));
        return builder;
    }

    public static WebApplication MapDashboardTelemetry(this WebApplication app)
    {
        // Created now, so its instruments are published (and exported) before the first decision and scrape.
        _ = app.Services.GetRequiredService<AccessMetrics>();
        var endpoint = app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null,
                configureBranchedPipeline: scrape => scrape.Use((context, next) =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    return next(context);
                }),
                optionsName: null)
            // The exporter maps every method; a scrape is a GET, anything else is 405.
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
            .WithName("Metrics")
            .ExcludeFromDescription();
        if (app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.AllowAnonymous)
        {
            endpoint.AllowAnonymous();
        }
        else
        {
            endpoint.RequireAuthorization(MetricsPolicy);
        }
        return app;
    }
}
