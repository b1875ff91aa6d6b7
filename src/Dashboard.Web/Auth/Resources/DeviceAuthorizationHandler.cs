using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Auth.Resources;

/// <summary>Staff see and re-own any device; a customer only sees their own.</summary>
public sealed class DeviceAuthorizationHandler : AuthorizationHandler<DeviceOperationRequirement, DeviceResource>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, DeviceOperationRequirement requirement, DeviceResource resource)
    {
        if (Allows(ResourceCaller.Of(context.User), requirement, resource))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    private static bool Allows(ResourceCaller caller, DeviceOperationRequirement operation, DeviceResource device) =>
        operation.Name switch
        {
            nameof(DeviceOperations.Read) => caller.IsStaff || caller.IsCustomerOf(device.OwnerId),
            // Ownership is the vendor's record, changed by staff with a reason; customers claim through the camera app.
            nameof(DeviceOperations.Claim) or nameof(DeviceOperations.Transfer) or nameof(DeviceOperations.Release) => caller.IsStaff,
            _ => false,
        };
}
