using System.Net;
using System.Text.RegularExpressions;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Auth;
using Dashboard.IntegrationTests.Hardening;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Security;

/// <summary>
/// Every endpoint that takes a form post, found from the app's own endpoint metadata, refuses a post without a
/// valid antiforgery token (400) and changes nothing. The table below names each one with the signed-in user
/// that may reach it (so authorization does not answer first); a form endpoint missing from it fails the test,
/// and so does any other endpoint taking unsafe methods outside the bearer-only API.
/// </summary>
public sealed partial class AntiforgeryCoverageTests(AntiforgeryCoverageTests.SignedInApp app)
    : IClassFixture<AntiforgeryCoverageTests.SignedInApp>, IAsyncLifetime
{
    public enum Who { Anonymous, Customer, Support, Admin }

    /// <summary>The demo app with one signed-in client per role, signed in once for the whole class.</summary>
    public sealed class SignedInApp : DashboardAppFactory
    {
        private Task<Dictionary<Who, HttpClient>>? _clients;

        public Task<Dictionary<Who, HttpClient>> ClientsAsync() => _clients ??= SignInAsync();

        private async Task<Dictionary<Who, HttpClient>> SignInAsync()
        {
            await DemoFixtureApp.WaitUntilReadyAsync(this);
            var clients = new Dictionary<Who, HttpClient> { [Who.Anonymous] = NewClient() };
            foreach (var (who, email) in new[] { (Who.Customer, "alice@demo.test"), (Who.Support, "support@demo.test"), (Who.Admin, "admin@demo.test") })
            {
                var client = NewClient();
                await SignInForm.SignInAsync(client, email, "Demo-pass-1");
                clients[who] = client;
            }
            return clients;
        }

        private HttpClient NewClient() =>
            CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    /// <summary>"POST route pattern" of every form endpoint → who posts to it in this test.</summary>
    private static readonly Dictionary<string, Who> FormEndpoints = new(StringComparer.Ordinal)
    {
        ["POST /Account/Logout"] = Who.Admin,
        ["POST /Account/Login"] = Who.Anonymous,
        ["POST /Account/AccessDenied"] = Who.Anonymous,
        ["POST /not-found"] = Who.Anonymous,
        ["POST /"] = Who.Admin,
        ["POST /cameras"] = Who.Customer,
        ["POST /linked-services"] = Who.Customer,
        ["POST /search"] = Who.Support,
        ["POST /devices"] = Who.Support,
        ["POST /devices/{Serial}"] = Who.Support,
        ["POST /accounts/{Id:guid}"] = Who.Support,
        ["POST /accounts/{Id:guid}/links"] = Who.Support,
        ["POST /audit"] = Who.Support,
        ["POST /admin/signals"] = Who.Support,
        ["POST /fleet"] = Who.Admin,
        ["POST /admin/tokens"] = Who.Admin,
        ["POST /admin/integrations"] = Who.Admin,
        ["POST /admin/integration-catalog"] = Who.Admin,
        ["POST /admin/kill-switches"] = Who.Admin,
        ["POST /admin/kill-switches/new"] = Who.Admin,
    };

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
                if (!FormEndpoints.ContainsKey(key))
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
        failures.AddRange(FormEndpoints.Keys.Where(k => !forms.Contains(k)).Select(k => $"{k}: in the form table but not a form endpoint of the app"));
        var others = endpoints.Where(e => !e.IsForm).Select(e => $"{e.Method} {e.Pattern}").ToHashSet();
        failures.AddRange(NotForms.Keys.Where(k => !others.Contains(k)).Select(k => $"{k}: listed as an exception but not mapped by the app"));

        failures.ShouldBeEmpty(string.Join('\n', failures));
    }

    [Fact]
    public async Task EveryFormEndpoint_RefusesAPostWithoutAValidToken_AndWritesNothing()
    {
        var forms = UnsafeEndpoints().Where(e => e.IsForm).ToList();
        forms.Count.ShouldBe(FormEndpoints.Count);
        var before = await HostileInputFingerprint.TakeAsync(app.ConnectionString);
        var failures = new List<string>();

        foreach (var form in forms)
        {
            var who = FormEndpoints.GetValueOrDefault($"{form.Method} {form.Pattern}", Who.Anonymous);
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

    private sealed record Endpoint(string Method, string Pattern, bool IsForm, bool RequiresAntiforgery);

    private static readonly string[] UnsafeMethods = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>
    /// Every route endpoint taking an unsafe method (or any method). A form endpoint is one the framework binds
    /// forms for: a page (component endpoints take form posts for their EditForms), an endpoint declaring form
    /// content types, or one carrying antiforgery metadata.
    /// </summary>
    private List<Endpoint> UnsafeEndpoints()
    {
        using var _ = app.CreateClient();   // the endpoints are mapped once the host has started
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
                var pattern = "/" + (e.RoutePattern.RawText ?? "").Trim('/');
                var accepts = e.Metadata.GetOrderedMetadata<IAcceptsMetadata>().SelectMany(a => a.ContentTypes);
                var antiforgery = e.Metadata.GetMetadata<IAntiforgeryMetadata>();
                var isForm = e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
                    || antiforgery is not null
                    || accepts.Any(t => t.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                        || t.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase));
                var requires = antiforgery?.RequiresValidation == true;
                return (methods is null ? ["ANY"] : methods.Where(m => UnsafeMethods.Contains(m, StringComparer.OrdinalIgnoreCase)))
                    .Select(m => new Endpoint(m.ToUpperInvariant(), pattern, isForm, requires));
            })
            .DistinctBy(e => (e.Method, e.Pattern))
            .ToList();
    }

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

    private string FillRoute(string pattern) =>
        RouteParameter().Replace(pattern, m => m.Groups["name"].Value.ToLowerInvariant() switch
        {
            "serial" => "DEMO-CAM-0001",
            "id" when pattern.Contains("/kill-switches/", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            "id" or "account" => _alice.ToString(),
            "integration" => "google-assistant",
            var name => throw new ShouldAssertException($"No sample value for route parameter {name} in {pattern}: add one."),
        });

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
