using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dashboard.Web.Api;

/// <summary>
/// Describes the two credentials in the OpenAPI document (staff API tokens, bridge keys; both bearer) and marks every
/// operation with the one its authorization policy takes, and the 401 and 403 problems it can answer.
/// </summary>
internal sealed class OpenApiBearerSecurity : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string StaffTokenScheme = "staffToken";
    public const string BridgeKeyScheme = "bridgeKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[StaffTokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description =
                "A staff API token: `Authorization: Bearer <token>`. A vendor admin issues it to a VendorAdmin or " +
                "Support user on the Staff API tokens page; it is shown once and acts with its user's role (kill " +
                "switches need VendorAdmin). A missing or unknown token is a 401, a valid one of the wrong role a 403.",
        };
        document.Components.SecuritySchemes[BridgeKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description =
                "An integration bridge key: `Authorization: Bearer <key>`. Issued and rotated per integration on the " +
                "integration catalog page; it reaches only the Access and Links operations, always as its own " +
                "integration (never one named in a body). A missing or unknown key is a 401, a staff token here a 403.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }
        var scheme = authorize.Any(a => a.Policy == Policies.Bridge) ? BridgeKeyScheme : StaffTokenScheme;
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [],
        });
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Missing or unknown credential (problem details)." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Credential of the wrong kind or role (problem details)." });
        return Task.CompletedTask;
    }
}
