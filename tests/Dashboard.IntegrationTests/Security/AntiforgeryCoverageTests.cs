using System.Net;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Hardening;
using Dashboard.IntegrationTests.Infrastructure;

namespace Dashboard.IntegrationTests.Security;

/// <summary>
/// Every endpoint that takes a form post, found from the app's own endpoint metadata, refuses a post without a
/// valid antiforgery token (400) and changes nothing. The table in FormEndpoints names each one with the signed-in user
/// that may reach it (so authorization does not answer first); a form endpoint missing from it fails the test,
/// and so does any other endpoint taking unsafe methods outside the bearer-only API.
/// </summary>
public sealed class AntiforgeryCoverageTests(SignedInApp app) : IClassFixture<SignedInApp>, IAsyncLifetime
{
    /// <summary>
    /// Endpoints taking unsafe methods that are not forms, and why no antiforgery token applies. Everything under
    /// /api/ is checked separately: a sign-in cookie is no credential there, so no other site can ride on it.
    /// </summary>
    private static readonly Dictionary<string, string> NotForms = new(StringComparer.Ordinal)
    {
        ["ANY /healthz"] = "liveness probe: answers, changes nothing",
        ["ANY /readyz"] = "readiness probe: answers, changes nothing",
        ["ANY /_blazor/negotiate"] = "SignalR handshake of the Blazor circuit; the circuit acts only on what its own page sends",
        ["ANY /_blazor/disconnect"] = "ends a circuit named by its data-protected id, which another site cannot know",
        ["ANY /_blazor"] = "the circuit's connection (WebSocket or long polling), same-origin only (CSP connect-src)",
        ["ANY /_blazor/initializers"] = "lists the circuit's JavaScript initializers: a read",
    };

    private Dictionary<Who, HttpClient> _clients = [];
    private Guid _alice;

    public async Task InitializeAsync()
    {
        _clients = await app.ClientsAsync();
        _alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void EveryEndpointTakingUnsafeMethods_IsAListedFormOrTheBearerOnlyApi()
    {
        var endpoints = UnsafeEndpoints();
        endpoints.Count.ShouldBeGreaterThan(10, "the endpoint metadata was not found");
        var failures = new List<string>();
        foreach (var e in endpoints)
        {
            var key = $"{e.Method} {e.Pattern}";
            if (e.IsForm)
            {
                if (!FormEndpoints.Table.ContainsKey(key))
                {
                    failures.Add($"{key}: takes form posts but is not in the form table");
                }
                if (!e.RequiresAntiforgery)
                {
                    failures.Add($"{key}: takes form posts without requiring an antiforgery token");
                }
            }
            else if (!IsApi(e.Pattern) && !NotForms.ContainsKey(key))
            {
                failures.Add($"{key}: takes {e.Method} outside the API and is neither a listed form nor a listed exception");
            }
        }
        var forms = endpoints.Where(e => e.IsForm).Select(e => $"{e.Method} {e.Pattern}").ToHashSet();
        failures.AddRange(FormEndpoints.Table.Keys.Where(k => !forms.Contains(k)).Select(k => $"{k}: in the form table but not a form endpoint of the app"));
        var others = endpoints.Where(e => !e.IsForm).Select(e => $"{e.Method} {e.Pattern}").ToHashSet();
        failures.AddRange(NotForms.Keys.Where(k => !others.Contains(k)).Select(k => $"{k}: listed as an exception but not mapped by the app"));

        failures.ShouldBeEmpty(string.Join('\n', failures));
    }

    [Fact]
    public async Task EveryFormEndpoint_RefusesAPostWithoutAValidToken_AndWritesNothing()
    {
        var forms = UnsafeEndpoints().Where(e => e.IsForm).ToList();
        forms.Count.ShouldBe(FormEndpoints.Table.Count);
        var before = await HostileInputFingerprint.TakeAsync(app.ConnectionString);
        var failures = new List<string>();

        foreach (var form in forms)
        {
            var who = FormEndpoints.WhoPosts(form);
            var path = FillRoute(form.Pattern);
            foreach (var (variant, token) in new[] { ("no token", null), ("a forged token", "CfDJ8-forged-" + Guid.NewGuid().ToString("N")) })
            {
                using var response = await _clients[who].PostAsync(path, new FormUrlEncodedContent(Fields(token)));
                var what = $"{form.Method} {form.Pattern} as {who} with {variant}: {(int)response.StatusCode}";
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"{what} (expected 400)");
                }
                if (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)))
                {
                    failures.Add($"{what}: the sign-in cookie was set or cleared");
                }
            }
        }

        failures.ShouldBeEmpty(string.Join('\n', failures));
        (await HostileInputFingerprint.TakeAsync(app.ConnectionString)).ShouldBe(before);
        // The refused sign-out left every session signed in.
        foreach (var who in new[] { Who.Customer, Who.Support, Who.Admin })
        {
            using var home = await _clients[who].GetAsync("/");
            home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            home.Headers.Location!.OriginalString.ShouldNotContain("/Account/Login", Case.Insensitive, $"{who} was signed out");
        }
    }

    [Fact]
    public async Task ApiEndpointsTakingUnsafeMethods_DoNotAcceptTheSignInCookie()
    {
        var api = UnsafeEndpoints().Where(e => !e.IsForm && IsApi(e.Pattern)).ToList();
        api.Count.ShouldBeGreaterThan(5);
        var before = await HostileInputFingerprint.TakeAsync(app.ConnectionString);
        var failures = new List<string>();

        foreach (var e in api)
        {
            foreach (var who in new[] { Who.Support, Who.Admin })
            {
                // JSON, as the API expects (a form body is refused earlier, with 415): only the credential is judged.
                using var request = new HttpRequestMessage(new HttpMethod(e.Method == "ANY" ? "POST" : e.Method), FillRoute(e.Pattern))
                {
                    Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
                };
                using var response = await _clients[who].SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{e.Method} {e.Pattern} with the {who} sign-in cookie: {(int)response.StatusCode} (expected 401)");
                }
            }
        }

        failures.ShouldBeEmpty(string.Join('\n', failures));
        (await HostileInputFingerprint.TakeAsync(app.ConnectionString)).ShouldBe(before);
    }

    private List<UnsafeEndpoint> UnsafeEndpoints() => FormEndpoints.Unsafe(app);

    private static bool IsApi(string pattern) => pattern.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>What a real post to this endpoint would carry (the sign-in form's fields with the demo password), token aside.</summary>
    private static Dictionary<string, string> Fields(string? token)
    {
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = "admin@demo.test",
            ["Input.Password"] = "Demo-pass-1",
            ["ReturnUrl"] = "/",
        };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }
        return fields;
    }

    private string FillRoute(string pattern) => FormEndpoints.FillRoute(pattern, _alice);
}
