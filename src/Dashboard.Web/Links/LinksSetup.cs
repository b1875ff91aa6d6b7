using Dashboard.Core.Integrations;
using Dashboard.Web.Hosting;
using Dashboard.Core.Access.Runtime;
using Dashboard.Web.Api;

namespace Dashboard.Web.Links;

/// <summary>Account links: the link service, last-used tracking, and the link endpoints.</summary>
public static class LinksSetup
{
    public static WebApplicationBuilder AddDashboardLinks(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<LinkOptions>(builder.Configuration, LinkOptions.Section);
        // One instance both hears decisions and is flushed; other observers may be registered beside it.
        builder.Services.AddSingleton<LinkUsage>();
        builder.Services.AddSingleton<IAccessDecisionObserver>(sp => sp.GetRequiredService<LinkUsage>());
        builder.Services.AddHostedService<LinkUsageFlusher>();
        return builder;
    }

    public static WebApplication MapDashboardLinks(this WebApplication app)
    {
        app.MapApiGroup().MapLinkEndpoints();
        return app;
    }
}
