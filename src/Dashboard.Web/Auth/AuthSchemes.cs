using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Auth;

/// <summary>Authentication scheme names.</summary>
public static class AuthSchemes
{
    /// <summary>
    /// The default: a policy scheme that forwards each request to one of the schemes below (see
    /// <see cref="SchemeSelector"/>), so policies never have to name a scheme.
    /// </summary>
    public const string Dashboard = "Dashboard";

    /// <summary>Staff API tokens (bearer).</summary>
    public const string StaffToken = "StaffToken";

    /// <summary>Integration bridge keys (bearer).</summary>
    public const string BridgeKey = "BridgeKey";

    /// <summary>The Identity sign-in cookie used by the pages.</summary>
    public static readonly string Cookie = IdentityConstants.ApplicationScheme;
}
