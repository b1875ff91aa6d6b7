using Dashboard.Core.Integrations;
using Dashboard.Web.Api;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Links;

/// <summary>Account links: the link service, last-used tracking, and the link endpoints.</summary>
public static class LinksSetup
{
    public static WebApplicationBuilder AddDashboardLinks(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<LinkService>();
        builder.Services.TryAddSingleton<LinkQueries>();
        return builder;
    }

    public static WebApplication MapDashboardLinks(this WebApplication app)
    {
        app.MapApiGroup().MapLinkEndpoints();
        return app;
    }
}
