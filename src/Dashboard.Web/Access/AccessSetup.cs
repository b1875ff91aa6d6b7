using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Access.Runtime;
using Dashboard.Core.Configuration;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
using Dashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Access;

/// <summary>Registers the decision path: runtime, change feed, lease, propagation, readiness, rate limit, endpoints.</summary>
public static class AccessSetup
{
    public static WebApplicationBuilder AddDashboardAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<AccessOptions>(builder.Configuration, AccessOptions.Section);
        var rateLimit = builder.Configuration.GetSection(BridgeRateLimitOptions.Section).Get<BridgeRateLimitOptions>()
            ?? new BridgeRateLimitOptions();

        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton(sp => new AccessDatabase(
            sp.GetRequiredService<DatabaseEndpoint>().ConnectionString,
            sp.GetRequiredService<IOptions<AccessOptions>>().Value,
            sp.GetRequiredService<InstanceIdentity>()));
        services.AddSingleton<AccessFactsReader>();
        services.AddSingleton<Generations>();
        services.AddSingleton(sp => new FactsCache(
            sp.GetRequiredService<Generations>(), sp.GetRequiredService<IOptions<AccessOptions>>().Value.CacheCapacity));
        services.AddSingleton<InFlightDecisions>();
        services.AddSingleton<LocalLease>();
        services.AddSingleton<ChangeFeedState>();
        services.AddSingleton<AccessState>();
        services.AddSingleton<EnforcementPointStore>();
        services.AddSingleton<PolicyApplier>();
        services.AddSingleton<LeaseKeeper>();
        services.AddSingleton<AccessDecisions>();
        services.AddSingleton<PropagationWaiter>();
        services.AddDashboardDecisionChanges();

        // Started in this order, after migrations: the applier consumes what the feed and the heartbeat post.
        services.AddHostedService<PolicyApplierService>();
        services.AddHostedService<ChangeFeedListener>();
        services.AddHostedService<LeaseHeartbeatService>();

        services.AddHealthChecks().AddCheck<AccessReadinessCheck>("access", tags: [HealthEndpoints.ReadyTag]);
        // The app's one rate limiter: the per-bridge bucket, and the per-address limit on the sign-in form.
        services.AddRateLimiter(o =>
        {
            BridgeRateLimiting.Configure(o, rateLimit);
            o.AddPolicy<string, SignInRateLimitPolicy>(SignInRateLimitPolicy.Name);
        });
        return builder;
    }

    /// <summary>Call after authentication and authorization: the rate limit partitions by the authenticated bridge.</summary>
    public static WebApplication MapDashboardAccess(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapAccessEndpoints();
        return app;
    }
}
