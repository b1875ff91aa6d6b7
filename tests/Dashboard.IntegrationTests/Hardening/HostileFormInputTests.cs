using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Auth;
using Dashboard.IntegrationTests.Security;
using Xunit.Abstractions;

namespace Dashboard.IntegrationTests.Hardening;

/// <summary>
/// Every endpoint taking form posts, found in the app's own endpoint metadata (FormEndpoints), posted to by a user
/// allowed to reach it and WITH a valid antiforgery token, so the hostile body meets the form binding and the page
/// itself rather than the antiforgery check: the form's own field names filled with hostile values, invalid UTF-8,
/// unknown and duplicated fields, a missing or wrong handler name, too many fields and an oversized body. Never a
/// 5xx, never a stack trace, never a sign-in cookie, and not a row written. Only the sign-in page and the sign-out
/// endpoint handle posts themselves; the other pages' forms run in the interactive circuit, so the framework answers
/// a post to them 400 (no form of that name) after the antiforgery check. The sign-in form only ever gets e-mails
/// no demo user has, so no failed sign-in counts against an existing user (AccessFailedCount stays as it was).
/// </summary>
public sealed partial class HostileFormInputTests(SignedInApp app, ITestOutputHelper output) : IClassFixture<SignedInApp>
{
    private const string Token = "__RequestVerificationToken";
    private const string IdentityCookie = ".AspNetCore.Identity.Application";

    /// <summary>Field names every form post gets on top of the page's own: the sign-in form's and the sign-out's.</summary>
    private static readonly string[] KnownFields = ["Input.Email", "Input.Password", "Input.RememberMe", "ReturnUrl"];

    /// <summary>Hostile form values: the API's hostile query values plus NUL inside text and e-mail look-alikes.</summary>
    private static readonly string[] Values =
    [
        .. HostileInputValues.Query, "a\u0000b", "nobody\u0000@demo.test", "x@y.test\r\nBcc: z@y.test", "\ud800",
        "javascript:alert(1)", "//evil.example/", "https://evil.example/", "/\\evil.example", new string('@', 100_000),
    ];

    /// <summary>Raw url-encoded fragments that do not decode to valid UTF-8, or are not valid escapes at all.</summary>
    private static readonly string[] RawValues = ["%FF%FE", "%C3%28", "%ED%A0%80", "%F4%90%80%80", "%C0%AF", "%", "%zz", "%0", "%00%00", "a+b%2"];

    [Fact]
    public async Task EveryFormEndpoint_UnderHostileBodiesWithAValidToken_AnswersReadablyAndWritesNothing()
    {
        var forms = FormEndpoints.Forms(app);
        forms.Count.ShouldBe(FormEndpoints.Table.Count, "a form endpoint is not in FormEndpoints.Table");
        var clients = await app.ClientsAsync();
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        var failures = new List<string>();
        var sent = 0;
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();

        var before = await HostileInputFingerprint.TakeAsync(app.ConnectionString);
        foreach (var form in forms)
        {
            var who = FormEndpoints.WhoPosts(form);
            // Signing out ends the session: the sign-out endpoint gets a client of its own.
            using var own = form.Pattern == "/Account/Logout" ? await app.SignedInClientAsync(who) : null;
            var client = own ?? clients[who];
            var path = FormEndpoints.FillRoute(form.Pattern, alice);
            var page = await FormPage.ReadAsync(client, path);
            var rendered = 0;
            foreach (var (variant, body, unreadable) in Bodies(page))
            {
                sent++;
                var (status, failure) = await PostAsync(client, path, body(page.Token), unreadable);
                statuses[$"{form.Pattern} {status}"] = statuses.GetValueOrDefault($"{form.Pattern} {status}") + 1;
                rendered += status is >= 200 and < 400 ? 1 : 0;
                if (failure is not null)
                {
                    failures.Add($"{form.Method} {form.Pattern} as {who}, {variant}: {failure}");
                }
                if (own is not null)
                {
                    page = await FormPage.ReadAsync(client, path);   // the token belonged to the session just ended
                }
            }
            // A page with a server-rendered form (one naming its handler), and the sign-out, must have bound and
            // answered hostile posts themselves, not refused them all: otherwise nothing above reached their code. Pages whose forms live in the
            // interactive circuit have no handler to post to and answer every post 400.
            if ((page.Handlers.Count > 0 || own is not null) && rendered == 0)
            {
                failures.Add($"{form.Method} {form.Pattern}: has a form handler but answered no hostile post itself (2xx or 3xx)");
            }
        }
        var after = await HostileInputFingerprint.TakeAsync(app.ConnectionString);
        output.WriteLine(string.Join("\n", statuses.Select(s => $"{s.Key}: {s.Value}")));
        output.WriteLine($"{sent} hostile form posts to {forms.Count} form endpoints in {clock.Elapsed.TotalSeconds:F0} s");

        failures.ShouldBeEmpty($"{failures.Count} of {sent} posts:\n" + string.Join("\n", failures.Take(40)));
        after.Where(t => before[t.Key] != t.Value).Select(t => t.Key).ShouldBeEmpty("tables written by hostile form posts");
        sent.ShouldBeGreaterThan(forms.Count * 40);
        // The posts signed nobody out of the shared sessions (only the sign-out endpoint's own client).
        foreach (var who in new[] { Who.Customer, Who.Support, Who.Admin })
        {
            using var home = await clients[who].GetAsync("/");
            home.Headers.Location?.OriginalString.ShouldNotContain("/Account/Login", Case.Insensitive, $"{who} was signed out");
        }
    }

    /// <summary>
    /// The hostile bodies for one form, each a function of the current antiforgery token. Unreadable ones are refused
    /// by the framework's form reader itself (NUL anywhere, more fields, longer names or values than its limits, the
    /// token twice): the antiforgery check cannot read its token from them and answers 400 before any page code runs.
    /// </summary>
    private static IEnumerable<(string Variant, Func<string, string> Body, bool Unreadable)> Bodies(FormPage page)
    {
        var handler = page.Handlers.FirstOrDefault();
        var fields = page.Fields.Union(KnownFields).Distinct().ToList();
        string Encoded(string? handlerName, IEnumerable<(string Name, string Value)> pairs, string token) =>
            string.Join('&', (handlerName is null ? [] : new[] { ("_handler", handlerName) })
                .Concat(pairs).Append((Token, token))
                .Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2)));

        foreach (var value in Values)
        {
            yield return ($"every field = {Shorten(value)}", t => Encoded(handler, fields.Select(f => (f, value)), t), value.Contains('\0'));
        }
        foreach (var raw in RawValues)
        {
            yield return ($"every field = raw {raw}",
                t => Encoded(handler, [], t) + string.Concat(fields.Select(f => "&" + Uri.EscapeDataString(f) + "=" + raw)), raw.Contains("%00", StringComparison.Ordinal));
        }
        yield return ("raw invalid UTF-8 in a field name", t => Encoded(handler, [], t) + "&Input.%FF%FE=1&%C3%28=2&%00=3", true);
        yield return ("unknown fields", t => Encoded(handler,
            [("Input.Unknown", "1"), ("Input", "x"), ("Input.Email.Length", "5"), ("Input[0]", "x"), ("Input..Email", "x"), ("", "x"), ("=", "=")], t), false);
        yield return ("every field twice, differently", t => Encoded(handler,
            fields.SelectMany(f => new[] { (f, "nobody@unknown.test"), (f, HostileInputValues.SqlFragment) }), t), false);
        yield return ("the handler twice", t => Encoded(handler, [("_handler", "nope"), .. fields.Select(f => (f, "x"))], t), false);
        yield return ("no handler", t => Encoded(null, fields.Select(f => (f, "nobody@unknown.test")), t), false);
        yield return ("an empty handler", t => Encoded("", fields.Select(f => (f, "x")), t), false);
        foreach (var wrong in new[] { "nope", "login-", "LOGIN", HostileInputValues.ScriptFragment, "a\u0000b", new string('h', 10_000) })
        {
            yield return ($"handler {Shorten(wrong)}", t => Encoded(wrong, fields.Select(f => (f, "nobody@unknown.test")), t), wrong.Contains('\0'));
        }
        yield return ("the token twice", t => Encoded(handler, [(Token, t), .. fields.Select(f => (f, "x"))], t), true);
        yield return ("5,000 fields", t => Encoded(handler, Enumerable.Range(0, 5_000).Select(i => ($"Input.F{i}", "x")), t), true);
        yield return ("a 5 MB value", t => Encoded(handler, [(fields[0], new string('x', 5 * 1024 * 1024))], t), true);
        // Under each of the form reader's limits, so it reaches the page (Kestrel turns it away first, with 413).
        yield return ("a 40 MB body", t => Encoded(handler, Enumerable.Range(0, 40).Select(i => ($"Input.F{i}", new string('x', 1024 * 1024))), t), false);
        yield return ("an 80 kB field name", t => Encoded(handler, [(new string('n', 80_000), "x")], t), true);
    }

    /// <summary>Posts one body; returns the status and what was wrong with the answer, or null.</summary>
    private static async Task<(int Status, string? Failure)> PostAsync(HttpClient client, string path, string body, bool unreadable)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(path, content);
        }
        catch (Exception e) when (e is not ShouldAssertException)
        {
            // The in-memory server surfaces an unhandled exception of the app here: a 500 for a real client.
            return (0, $"the app threw {e.GetType().Name}: {Shorten(e.Message)}");
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                return (status, $"{status} {Shorten(text)}");
            }
            if (status is >= 300 and < 400 && response.Headers.Location is { } location
                && (location.IsAbsoluteUri || location.OriginalString.StartsWith("//", StringComparison.Ordinal) || location.OriginalString.StartsWith("/\\", StringComparison.Ordinal)))
            {
                return (status, $"{status} redirect off the site to {Shorten(location.OriginalString)}");
            }
            if (status is >= 200 and < 300 && response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                return (status, $"{status} answered {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not a page");
            }
            if (unreadable && status != 400)
            {
                return (status, $"{status} for a body the form reader cannot read (expected 400)");
            }
            if (!unreadable && text.Contains("antiforgery token", StringComparison.OrdinalIgnoreCase))
            {
                // The post was turned away before the form saw it: the test would prove nothing.
                return (status, $"{status} the antiforgery token was refused: {Shorten(text)}");
            }
            if (StackTrace().Match(text) is { Success: true } leak)
            {
                return (status, $"{status} shows internals: {Shorten(leak.Value)}");
            }
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies)
                && cookies.Any(c => c.StartsWith(IdentityCookie, StringComparison.Ordinal) && !c.Contains("=;", StringComparison.Ordinal)))
            {
                return (status, $"{status} issued a sign-in cookie");
            }
            return (status, null);
        }
    }

    private static string Shorten(string s)
    {
        var printable = Regex.Replace(s, @"\p{C}", m => $"\\u{(int)m.Value[0]:x4}");
        return printable.Length <= 60 ? printable : printable[..60] + $"… ({s.Length} chars)";
    }

    /// <summary>What an exception page or a leaked exception looks like.</summary>
    [GeneratedRegex(@"\w+Exception\b|\bat \w+(\.\w+)+\(|StackTrace|Unhandled exception", RegexOptions.IgnoreCase)]
    private static partial Regex StackTrace();

    /// <summary>A form's page as the user sees it: its antiforgery token, field names and form handler names.</summary>
    private sealed partial record FormPage(string Token, IReadOnlyList<string> Fields, IReadOnlyList<string> Handlers)
    {
        /// <summary>
        /// GETs the page. Endpoints without a page of their own (the sign-out) and pages answering with a redirect
        /// take the token from the sign-in page: a token belongs to the client's cookie and user, not to a page.
        /// </summary>
        public static async Task<FormPage> ReadAsync(HttpClient client, string path)
        {
            var own = await HtmlAsync(client, path);
            var ownPage = own is not null && own.Contains(HostileFormInputTests.Token, StringComparison.Ordinal);
            var html = ownPage ? own! : (await HtmlAsync(client, SignInForm.LoginPath)).ShouldNotBeNull("the sign-in page did not answer");
            var names = FieldName().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["name"].Value)).Distinct().ToList();
            // Handler names only from the endpoint's own page: the sign-in page's handler is not another page's.
            var handlers = ownPage && names.Contains("_handler")
                ? HandlerValue().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["value"].Value)).Distinct().ToList()
                : [];
            return new FormPage(
                SignInForm.HiddenValue(html, HostileFormInputTests.Token),
                names.Where(n => n is not "_handler" and not HostileFormInputTests.Token).ToList(),
                handlers);
        }

        private static async Task<string?> HtmlAsync(HttpClient client, string path)
        {
            using var response = await client.GetAsync(path);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
        }

        [GeneratedRegex("""<(input|select|textarea|button)\b[^>]*\bname="(?<name>[^"]*)" """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
        private static partial Regex FieldName();

        [GeneratedRegex("""<input\b[^>]*\bname="_handler"[^>]*\bvalue="(?<value>[^"]*)" """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
        private static partial Regex HandlerValue();
    }
}
