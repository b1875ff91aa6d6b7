using System.Security.Claims;
using Dashboard.Core.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// Identity's principal (id, name, roles, security stamp) plus the customer's account id, so pages and queries
/// can filter by <see cref="DashboardClaims.AccountId"/> without another database round trip.
/// </summary>
public sealed class DashboardClaimsPrincipalFactory(
    UserManager<DashboardUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<DashboardUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(DashboardUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.AccountId is { } accountId)
        {
            identity.AddClaim(new Claim(DashboardClaims.AccountId, accountId.ToString()));
        }
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        }
        return identity;
    }
}
