using System.Security.Claims;
using Dashboard.Core.Auth;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.UnitTests.Auth.Resources;

/// <summary>Principals shaped as the app's sign-in cookie, staff token and bridge key handlers issue them.</summary>
internal static class Callers
{
    public static readonly Guid AliceAccount = Guid.Parse("0190a000-0000-7000-8000-00000000a11c");
    public static readonly Guid BobAccount = Guid.Parse("0190a000-0000-7000-8000-000000000b0b");

    public const string AdminId = "user-admin";
    public const string Admin2Id = "user-admin2";

    public static ClaimsPrincipal VendorAdmin(string userId = AdminId) => Person(AuthSchemes.Cookie, userId, Roles.VendorAdmin, null);

    public static ClaimsPrincipal VendorAdminToken(string userId = AdminId) => Person(AuthSchemes.StaffToken, userId, Roles.VendorAdmin, null);

    public static ClaimsPrincipal Support() => Person(AuthSchemes.Cookie, "user-support", Roles.Support, null);

    public static ClaimsPrincipal SupportToken() => Person(AuthSchemes.StaffToken, "user-support", Roles.Support, null);

    public static ClaimsPrincipal Alice() => Person(AuthSchemes.Cookie, "user-alice", Roles.Customer, AliceAccount);

    /// <summary>A customer user whose account link is missing: owns nothing.</summary>
    public static ClaimsPrincipal CustomerWithoutAccount() => Person(AuthSchemes.Cookie, "user-nobody", Roles.Customer, null);

    public static ClaimsPrincipal Bridge()
    {
        var identity = new ClaimsIdentity(AuthSchemes.BridgeKey, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, "integration:google-assistant"));
        identity.AddClaim(new Claim(DashboardClaims.IntegrationId, Guid.NewGuid().ToString()));
        identity.AddClaim(new Claim(DashboardClaims.IntegrationKey, "google-assistant"));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Claims that say VendorAdmin and alice's account, but nobody authenticated them.</summary>
    public static ClaimsPrincipal Unauthenticated() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, Roles.VendorAdmin), new Claim(DashboardClaims.AccountId, AliceAccount.ToString())]));

    /// <summary>What a handler decides for one requirement, alone, as IAuthorizationService would ask it.</summary>
    public static async Task<bool> AllowsAsync(IAuthorizationHandler handler, ClaimsPrincipal user, object resource, IAuthorizationRequirement operation)
    {
        var context = new AuthorizationHandlerContext([operation], user, resource);
        await handler.HandleAsync(context);
        return context.HasSucceeded;
    }

    private static ClaimsPrincipal Person(string scheme, string userId, string role, Guid? account)
    {
        var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, userId));
        identity.AddClaim(new Claim(ClaimTypes.Name, userId + "@demo.test"));
        identity.AddClaim(new Claim(ClaimTypes.Role, role));
        if (account is { } id)
        {
            identity.AddClaim(new Claim(DashboardClaims.AccountId, id.ToString()));
        }
        return new ClaimsPrincipal(identity);
    }
}
