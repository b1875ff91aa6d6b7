using System.Net;
using Dashboard.IntegrationTests.Auth;

namespace Dashboard.IntegrationTests.ScaleOut;

/// <summary>
/// One browser's cookies, presented to whichever instance (or proxy) a client points at, as a browser behind a load
/// balancer presents them: cookies are matched by host, not port, so every instance on 127.0.0.1 sees the same jar.
/// Redirects are not followed, so a test sees the sign-in redirect instead of the login page.
/// </summary>
internal sealed class BrowserCookies
{
    public const string SignInCookie = ".AspNetCore.Identity.Application";

    public CookieContainer Jar { get; } = new();

    public HttpClient ClientFor(Uri baseAddress) =>
        new(new SocketsHttpHandler { CookieContainer = Jar, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public bool HasSignInCookie(Uri address) => Jar.GetCookies(address).Any(c => c.Name == SignInCookie);

    /// <summary>GETs a staff page and checks it rendered for <paramref name="email"/> (not a redirect to the login page).</summary>
    public static async Task<string> GetSignedInPageAsync(HttpClient client, string path, string email)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path} on {client.BaseAddress}: {response.Headers.Location}");
        html.ShouldContain("data-testid=\"signed-in-user\"");
        html.ShouldContain(email);
        return html;
    }

    /// <summary>The antiforgery token of the first form on the page (the layout's sign-out form).</summary>
    public static string AntiforgeryToken(string html) => SignInForm.HiddenValue(html, "__RequestVerificationToken");

    /// <summary>Posts the layout's sign-out form with <paramref name="token"/>.</summary>
    public static Task<HttpResponseMessage> SignOutAsync(HttpClient client, string token) =>
        client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ReturnUrl"] = SignInForm.LoginPath,
        }));
}
