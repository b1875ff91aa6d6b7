namespace Dashboard.Web.Auth;

/// <summary>Open-redirect protection for <c>ReturnUrl</c>: only paths on this site are followed.</summary>
public static class LocalUrl
{
    /// <summary>Same rule as MVC's <c>IUrlHelper.IsLocalUrl</c>: "/x" or "~/x", never "//host", "/\host" or a scheme.</summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }
        if (url[0] == '/')
        {
            return url.Length == 1 || (url[1] != '/' && url[1] != '\\' && !HasControlCharacters(url));
        }
        if (url.Length > 1 && url[0] == '~' && url[1] == '/')
        {
            return url.Length == 2 || (url[2] != '/' && url[2] != '\\' && !HasControlCharacters(url));
        }
        return false;
    }

    /// <summary>The URL to go to after sign-in: <paramref name="returnUrl"/> when local, else the home page.</summary>
    public static string OrHome(string? returnUrl) =>
        IsLocal(returnUrl) ? (returnUrl!.StartsWith('~') ? returnUrl[1..] : returnUrl) : "/";

    private static bool HasControlCharacters(string url) => url.Any(char.IsControl);
}
