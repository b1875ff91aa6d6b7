using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dashboard.Web.Api;

/// <summary>
/// Describes the bearer credential in the OpenAPI document and marks every operation that requires it, with
/// the 401 and 403 problems it can answer.
/// </summary>
internal sealed class OpenApiBearerSecurity : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description =
                "`Authorization: Bearer <token>`. Staff API tokens (issued to a VendorAdmin or Support user, shown " +
                "once) reach the staff endpoints with their user's role; integration bridge keys reach only " +
                "/api/v1/access/* and /api/v1/links*. A missing or unknown credential is a 401, a valid one of the " +
                "wrong kind or role a 403.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [],
        });
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Missing or unknown credential (problem details)." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Credential of the wrong kind or role (problem details)." });
        return Task.CompletedTask;
    }
}
