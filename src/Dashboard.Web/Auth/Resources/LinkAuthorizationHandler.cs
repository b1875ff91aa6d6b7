using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Auth.Resources;

/// <summary>
/// A customer sees, narrows and ends their own links; staff see any and end one on the customer's behalf. Which camera
/// a service may see is the customer's consent alone: no staff role changes an exposure (staff revoke the link instead).
/// </summary>
public sealed class LinkAuthorizationHandler : AuthorizationHandler<LinkOperationRequirement, LinkResource>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, LinkOperationRequirement requirement, LinkResource resource)
    {
        if (Allows(ResourceCaller.Of(context.User), requirement, resource))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    private static bool Allows(ResourceCaller caller, LinkOperationRequirement operation, LinkResource link) =>
        operation.Name switch
        {
            nameof(LinkOperations.Read) or nameof(LinkOperations.Unlink) => caller.IsStaff || caller.IsCustomerOf(link.AccountId),
            nameof(LinkOperations.ChangeExposure) => caller.IsCustomerOf(link.AccountId),
            _ => false,
        };
}
