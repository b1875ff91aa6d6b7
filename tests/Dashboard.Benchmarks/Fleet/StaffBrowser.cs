using System.Net;
using System.Text.RegularExpressions;

namespace Dashboard.Benchmarks.Fleet;

/// <summary>
/// An HTTP client signed in to the app's pages as a staff login, the way a browser is: the sign-in form posted with
/// its antiforgery token, the session kept in a cookie. Requests it sends get the server-rendered HTML a browser
/// receives before the interactive circuit starts.
/// </summary>
public static partial class StaffBrowser
{
    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string email, string password, CancellationToken ct)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(5),
        };
        try
        {
            var form = await client.GetStringAsync("/Account/Login", ct);
            var token = AntiforgeryToken().Match(form);
            if (!token.Success)
            {
                throw new InvalidOperationException("The sign-in page carries no antiforgery token.");
            }
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            });
            using var response = await client.PostAsync("/Account/Login", content, ct);
            // Signed in: a redirect away from the form. A failed sign-in renders the form again (200).
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
            {
                throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}, not a redirect.");
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
