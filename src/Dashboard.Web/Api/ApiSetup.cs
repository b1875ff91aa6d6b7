using Dashboard.Core.Accounts;
using Dashboard.Core.Devices;
using Dashboard.Core.KillSwitches;
using Dashboard.Web.Api.Json;
using Dashboard.Web.Hosting;
using Dashboard.Web.Access;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Api;

public static class ApiSetup
{
    public const string BasePath = "/api/v1";

    public static WebApplicationBuilder AddDashboardApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddDashboardProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith(BasePath[1..], StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<OpenApiBearerSecurity>();
            o.AddOperationTransformer<OpenApiBearerSecurity>();
            o.AddSchemaTransformer<OpenApiWireTypes>();
        });

        // Plain services over the DbContext factory, shared with the support pages.
        builder.Services.TryAddSingleton<DeviceSearch>();
        builder.Services.TryAddSingleton<AccountSearch>();
        builder.Services.TryAddSingleton<KillSwitchService>();
        builder.AddDashboardAccess();
        return builder;
    }

    public static WebApplication MapDashboardApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();

        var api = app.MapApiGroup();
        api.MapAccountEndpoints();
        api.MapDeviceEndpoints();
        api.MapKillSwitchEndpoints();
        app.MapDashboardAccess();
        return app;
    }

    /// <summary>The <c>/api/v1</c> group: every resource maps its endpoints under it.</summary>
    internal static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup(BasePath)
            .AddEndpointFilter<NulCharacterFilter>()
            .ProducesProblem(StatusCodes.Status500InternalServerError);
}
