using Dashboard.Core.Privacy;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dashboard.Web.Privacy;

/// <summary>Documents the <c>reason</c> query parameter on the reads that leave a staff access record.</summary>
internal sealed class OpenApiStaffReadReason : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<StaffReadMetadata>().Any())
        {
            return Task.CompletedTask;
        }
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = StaffReadReason.Parameter,
            In = ParameterLocation.Query,
            Required = false,
            Description = "Why the customer's data is read (a ticket reference or a sentence). The read is recorded, with "
                + "this reason, in the access records the customer sees.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = StaffAccess.MaxReasonLength },
        });
        operation.Description = (operation.Description is { Length: > 0 } d ? d + " " : "")
            + "Recorded as a staff access record about the customer concerned.";
        return Task.CompletedTask;
    }
}
