using System.Security.Claims;
using Dashboard.Core.Auth;

namespace Dashboard.Web.Auth.Resources;

/// <summary>
/// What the resource handlers know of a caller: a staff role, or the account it is the customer of. A bridge or an
/// anonymous caller is none of these, so every handler refuses it (bridges act through their own endpoints, which
/// take the integration from the bridge key).
/// </summary>
public readonly record struct ResourceCaller(bool IsVendorAdmin, bool IsSupport, Guid? CustomerAccount, string? UserId)
{
    public static readonly ResourceCaller Nobody = new(false, false, null, null);

    public bool IsStaff => IsVendorAdmin || IsSupport;

    public static ResourceCaller Of(ClaimsPrincipal user)
    {
        if (!user.Identities.Any(i => i.IsAuthenticated) || user.IntegrationId() is not null)
        {
            return Nobody;
        }
        return new ResourceCaller(
            user.IsInRole(Roles.VendorAdmin),
            user.IsInRole(Roles.Support),
            user.IsInRole(Roles.Customer) ? user.AccountId() : null,
            user.UserId());
    }

    /// <summary>True only for the customer whose account this is; an unowned thing (null) is nobody's.</summary>
    public bool IsCustomerOf(Guid? account) => CustomerAccount is { } mine && account == mine;
}
