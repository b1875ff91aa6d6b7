using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Auth.Resources;

/// <summary>
/// Staff see, lock and revoke for any account, vendor admins alone erase one; a customer only sees their own account
/// and its links.
/// </summary>
public sealed class AccountAuthorizationHandler : AuthorizationHandler<AccountOperationRequirement, AccountResource>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, AccountOperationRequirement requirement, AccountResource resource)
    {
        if (Allows(ResourceCaller.Of(context.User), requirement, resource))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    private static bool Allows(ResourceCaller caller, AccountOperationRequirement operation, AccountResource account) =>
        operation.Name switch
        {
            nameof(AccountOperations.Read) or nameof(AccountOperations.ReadLinks) => caller.IsStaff || caller.IsCustomerOf(account.Id),
            // A customer ends their own link as a link operation (LinkOperations.Unlink), without a reason to give.
            nameof(AccountOperations.Lock) or nameof(AccountOperations.RevokeLink) => caller.IsStaff,
            nameof(AccountOperations.Erase) => caller.IsVendorAdmin,
            _ => false,
        };
}
