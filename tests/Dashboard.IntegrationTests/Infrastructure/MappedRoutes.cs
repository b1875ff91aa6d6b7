using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Infrastructure;

/// <summary>A route endpoint the app maps: its pattern as a path (<c>/api/v1/devices/{serial}</c>) and its methods.</summary>
/// <param name="Methods">Null when the endpoint takes any method.</param>
public sealed record MappedRoute(string Pattern, IReadOnlyList<string>? Methods, RouteEndpoint Endpoint)
{
    public EndpointMetadataCollection Metadata => Endpoint.Metadata;
}

/// <summary>
/// Every route endpoint the app maps, from its own endpoint data source: tests that must cover every endpoint start
/// here, so a new endpoint is covered (or fails them) without being listed anywhere.
/// </summary>
public static class MappedRoutes
{
    /// <summary>The endpoints of a started host (a client must have been created: they are mapped at start).</summary>
    public static IReadOnlyList<MappedRoute> Of(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new MappedRoute(
                "/" + (e.RoutePattern.RawText ?? "").Trim('/'), e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods, e))
            .ToList();
}
