using System.Net;
using System.Text.RegularExpressions;

namespace Dashboard.IntegrationTests.Auth;

/// <summary>Drives the real sign-in page like a browser without JavaScript: GET the form, then POST it back.</summary>
internal static partial class SignInForm
{
    public const string LoginPath = "/Account/Login";

    /// <summary>Posts the login form; returns the response (a redirect on success, the page again on failure).</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password, string? returnUrl = null) =>
        PostAsync(client, client, email, password, returnUrl);

    /// <summary>
    /// Gets the form from <paramref name="formFrom"/> and posts it to <paramref name="postTo"/>: two instances behind a
    /// load balancer, reached by clients that share one browser's cookies.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient formFrom, HttpClient postTo, string email, string password, string? returnUrl = null)
    {
        var path = returnUrl is null ? LoginPath : $"{LoginPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var page = await formFrom.GetAsync(path);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();

        var form = new Dictionary<string, string>
        {
            ["_handler"] = HiddenValue(html, "_handler"),
            ["__RequestVerificationToken"] = HiddenValue(html, "__RequestVerificationToken"),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        };
        return await postTo.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>Signs in and checks it worked (the client then holds the sign-in cookie).</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var response = await PostAsync(client, email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    public static string HiddenValue(string html, string name)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            if (NameAttribute().Match(tag) is { Success: true } n && WebUtility.HtmlDecode(n.Groups[1].Value) == name
                && ValueAttribute().Match(tag) is { Success: true } v)
            {
                return WebUtility.HtmlDecode(v.Groups[1].Value);
            }
        }
        throw new ShouldAssertException($"The page has no input named {name}.");
    }

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("""\bname="([^"]*)" """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex NameAttribute();

    [GeneratedRegex("""\bvalue="([^"]*)" """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex ValueAttribute();
}
