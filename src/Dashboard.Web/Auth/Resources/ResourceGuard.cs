using System.Security.Claims;
using Dashboard.Core.Devices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Auth.Resources;

/// <summary>
/// The API's door to the resource handlers: asks <see cref="IAuthorizationService"/> whether the caller may perform the
/// operation on the named resource. Each method answers null when the endpoint may go on (allowed, or no such resource:
/// the endpoint then answers its own 404), else the refusal: 404, worded as for a missing resource, when the caller may
/// not even read it (no existence oracle), or 403 with the handler's reason when they may read it but not do this.
/// </summary>
public sealed class ResourceGuard(IAuthorizationService authorization, ResourceFacts facts)
{
    public async Task<ProblemHttpResult?> DeviceAsync(
        ClaimsPrincipal user, string serial, DeviceOperationRequirement operation, CancellationToken ct)
    {
        var device = await facts.DeviceAsync(serial, ct);
        return device is null ? null : await DeviceAsync(user, device, operation);
    }

    public Task<ProblemHttpResult?> DeviceAsync(ClaimsPrincipal user, DeviceResource device, DeviceOperationRequirement operation) =>
        RefusalAsync(user, device, operation, DeviceOperations.Read, $"No device has the serial '{device.Serial}'.");

    /// <summary>Judged on the id alone, so it needs no read: an account that does not exist is the service's 404.</summary>
    public Task<ProblemHttpResult?> AccountAsync(ClaimsPrincipal user, Guid id, AccountOperationRequirement operation) =>
        RefusalAsync(user, new AccountResource(id), operation, AccountOperations.Read, $"No account has the id '{id}'.");

    public async Task<ProblemHttpResult?> KillSwitchAsync(
        ClaimsPrincipal user, Guid id, KillSwitchOperationRequirement operation, CancellationToken ct)
    {
        var killSwitch = await facts.KillSwitchAsync(id, ct);
        return killSwitch is null
            ? null
            : await RefusalAsync(user, killSwitch, operation, KillSwitchOperations.Read, $"No kill switch has the id '{id}'.");
    }

    /// <summary>Listing, previewing and firing: asked of <see cref="KillSwitchResource.Any"/>.</summary>
    public Task<ProblemHttpResult?> KillSwitchesAsync(ClaimsPrincipal user, KillSwitchOperationRequirement operation) =>
        RefusalAsync(user, KillSwitchResource.Any, operation, KillSwitchOperations.Read, "Not found.");

    private async Task<ProblemHttpResult?> RefusalAsync(
        ClaimsPrincipal user, object resource, OperationAuthorizationRequirement operation,
        OperationAuthorizationRequirement read, string notFound)
    {
        var result = await authorization.AuthorizeAsync(user, resource, operation);
        if (result.Succeeded)
        {
            return null;
        }
        if (operation != read && (await authorization.AuthorizeAsync(user, resource, read)).Succeeded)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                detail: result.Failure?.FailureReasons.FirstOrDefault()?.Message ?? $"Not allowed to {operation.Name} this.");
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: notFound);
    }
}
