using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Auth;

/// <summary>Reads <c>Authorization: Bearer &lt;token&gt;</c> (RFC 6750).</summary>
public static class BearerToken
{
    /// <summary>Longer values are not credentials this app issues; refusing them bounds the hashing work.</summary>
    public const int MaxLength = 256;

    public static bool TryRead(HttpRequest request, out string token)
    {
        token = "";
        var header = request.Headers[HeaderNames.Authorization];
        if (header.Count != 1 || header[0] is not { } value)
        {
            return false;
        }
        const string scheme = "Bearer ";
        if (!value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var candidate = value.AsSpan(scheme.Length).Trim();
        if (candidate.IsEmpty || candidate.Length > MaxLength)
        {
            return false;
        }
        token = candidate.ToString();
        return true;
    }

    /// <summary>True for a request that names an Authorization header at all, valid or not.</summary>
    public static bool IsPresent(HttpRequest request) => request.Headers.ContainsKey(HeaderNames.Authorization);
}

/// <summary>The REST API lives under <c>/api</c>: there a missing credential is a 401, never a login redirect.</summary>
public static class ApiPaths
{
    public static readonly PathString Root = "/api";

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase);
}
