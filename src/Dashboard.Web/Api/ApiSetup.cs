using Dashboard.Web.Api.Json;
using Dashboard.Web.Exports;
using Dashboard.Web.Hosting;

namespace Dashboard.Web.Api;

public static class ApiSetup
{
    public const string BasePath = "/api/v1";

    public static WebApplicationBuilder AddDashboardApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddApiConventions();
        return builder;
    }

    public static WebApplication MapDashboardApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();

        var api = app.MapApiGroup();
        api.MapAccountAdministrationEndpoints();
        api.MapAccountErasureEndpoints();
        api.MapDeviceEndpoints();
        api.MapOwnershipEndpoints();
        api.MapKillSwitchEndpoints();
        api.MapAuditEndpoints();
        app.MapExportEndpoints();
        return app;
    }

    /// <summary>What every endpoint under <c>/api/v1</c> relies on: problem details, the wire format, the OpenAPI document.</summary>
    internal static IServiceCollection AddApiConventions(this IServiceCollection services)
    {
        services.AddDashboardProblemDetails();
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith(BasePath[1..], StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<OpenApiDocumentInfo>();
            o.AddDocumentTransformer<OpenApiBearerSecurity>();
            o.AddOperationTransformer<OpenApiBearerSecurity>();
            o.AddOperationTransformer<Privacy.OpenApiStaffReadReason>();
            o.AddSchemaTransformer<OpenApiWireTypes>();
        });
        return services;
    }

    /// <summary>
    /// The <c>/api/v1</c> group: every resource maps its endpoints under it. Every endpoint in it can answer 400:
    /// <see cref="NulCharacterFilter"/> refuses any query or route value holding U+0000, whatever the endpoint reads,
    /// and <see cref="QueryParameterCheck"/> any query parameter the endpoint does not declare, or repeats.
    /// </summary>
    internal static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup(BasePath)
            .AddEndpointFilter<NulCharacterFilter>()
            .AddEndpointFilterFactory(QueryParameterCheck.Create)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status500InternalServerError);
}
