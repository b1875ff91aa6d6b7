using Dashboard.Core.KillSwitches;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Auth.Resources;

/// <summary>
/// Kill switches are for vendor admins only, and a pending lift is approved by an admin other than its requester (the
/// two-person rule). <see cref="KillSwitchService"/> checks the rule again under the switch's row lock, which this
/// handler, judging facts read a moment earlier, cannot replace.
/// </summary>
public sealed class KillSwitchAuthorizationHandler : AuthorizationHandler<KillSwitchOperationRequirement, KillSwitchResource>
{
    public const string TwoPersonRule = "A lift must be approved by a vendor admin other than the one who requested it.";

    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, KillSwitchOperationRequirement requirement, KillSwitchResource resource)
    {
        var caller = ResourceCaller.Of(context.User);
        if (!caller.IsVendorAdmin || requirement.Name is not (nameof(KillSwitchOperations.Read) or nameof(KillSwitchOperations.Preview)
                or nameof(KillSwitchOperations.Fire) or nameof(KillSwitchOperations.RequestLift) or nameof(KillSwitchOperations.ApproveLift)))
        {
            return Task.CompletedTask;
        }
        // Only a pending lift has a requester to compare with; approving anything else is a state conflict the
        // service answers (409), not a question of who asks.
        if (requirement.Name == nameof(KillSwitchOperations.ApproveLift)
            && resource.Status == KillSwitchStatus.PendingApproval
            && string.Equals(resource.LiftRequestedBy, caller.UserId, StringComparison.Ordinal))
        {
            context.Fail(new AuthorizationFailureReason(this, TwoPersonRule));
            return Task.CompletedTask;
        }
        context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
