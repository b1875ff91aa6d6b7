using System.Security.Claims;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dashboard.IntegrationTests.Auth;

/// <summary>
/// Endpoints that exist only in these tests, one per policy, under <c>/api/_probe</c>. They are added to the
/// app's own route table, so requests go through the app's real middleware (authentication, authorization,
/// error handling) exactly like the production endpoints.
/// </summary>
internal sealed class AuthProbeEndpoints : IStartupFilter
{
    public const string Staff = "/api/_probe/staff";
    public const string VendorAdmin = "/api/_probe/vendor-admin";
    public const string Bridge = "/api/_probe/bridge";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        // After the app's pipeline is built, its builder names the app's own route table under this key (set by
        // UseRouting); endpoints added to it are matched by the app's routing middleware, which reads the table on
        // the first request.
        if (!app.Properties.TryGetValue("__EndpointRouteBuilder", out var value) || value is not IEndpointRouteBuilder routes)
        {
            throw new InvalidOperationException("The app's route table is not reachable from a startup filter.");
        }
        routes.MapGet(Staff, (ClaimsPrincipal user) => Describe(user)).RequireStaff();
        routes.MapGet(VendorAdmin, (ClaimsPrincipal user) => Describe(user)).RequireVendorAdmin();
        routes.MapGet(Bridge, (ClaimsPrincipal user) => Describe(user)).RequireBridge();
    };

    private static IResult Describe(ClaimsPrincipal user) => Results.Ok(new ProbeResponse(
        user.Identity?.AuthenticationType,
        user.UserId(),
        user.IntegrationKey(),
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToArray()));
}

public sealed record ProbeResponse(string? Scheme, string? UserId, string? Integration, string[] Roles);
