using Dashboard.Core.Auth;

namespace Dashboard.Web.Auth;

/// <summary>
/// Chooses the scheme for a request (the forward selector of <see cref="AuthSchemes.Dashboard"/>):
/// a bearer credential goes to the bridge-key scheme when it is a bridge key held in memory and to the
/// staff-token scheme otherwise; without one, <c>/api</c> goes to the staff-token scheme (so a cookie alone
/// earns a 401 ProblemDetails there, never a login redirect) and everything else to the sign-in cookie. Other
/// Authorization schemes (say, Basic from a proxy in front of a staging site) leave pages on the cookie.
/// </summary>
public static class SchemeSelector
{
    public static string Select(HttpContext context)
    {
        if (BearerToken.TryRead(context.Request, out var token))
        {
            var bridgeKeys = context.RequestServices.GetRequiredService<BridgeKeyDirectory>();
            return bridgeKeys.Find(SecretDigest.Of(token)) is not null ? AuthSchemes.BridgeKey : AuthSchemes.StaffToken;
        }
        return ApiPaths.IsApi(context.Request) ? AuthSchemes.StaffToken : AuthSchemes.Cookie;
    }
}
