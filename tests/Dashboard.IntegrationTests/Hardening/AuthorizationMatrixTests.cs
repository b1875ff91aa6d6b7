using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Auth;
using Dashboard.IntegrationTests.Diagnostics;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using static Dashboard.IntegrationTests.Hardening.AccessPolicy;
using ComponentRoute = Microsoft.AspNetCore.Components.RouteAttribute;

namespace Dashboard.IntegrationTests.Hardening;

/// <summary>
/// Every API endpoint and every page, found from the app's own metadata, asked by every kind of caller. The policy
/// tables below say who each one is for; an endpoint or page missing from them fails the test, so a new one cannot
/// ship unexamined. The app runs with the opt-in diagnostics endpoints enabled, so they are examined too. Only
/// authentication and authorization are judged here: an allowed caller sending an empty body may well get
/// 400/404/409, but never 401/403, a redirect or a 5xx.
/// </summary>
public sealed partial class AuthorizationMatrixTests(DiagnosticsAppFactory app) : IClassFixture<DiagnosticsAppFactory>, IAsyncLifetime
{
    /// <summary>"METHOD route pattern" → who it is for.</summary>
    private static readonly Dictionary<string, AccessPolicy> ApiPolicies = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/devices"] = Staff,
        ["GET /api/v1/devices/{serial}"] = Staff,
        ["GET /api/v1/devices/{serial}/history"] = Staff,
        ["GET /api/v1/devices/{serial}/owner-at"] = Staff,
        ["POST /api/v1/devices/{serial}/claim"] = Staff,
        ["POST /api/v1/devices/{serial}/transfer"] = Staff,
        ["POST /api/v1/devices/{serial}/release"] = Staff,
        ["GET /api/v1/accounts"] = Staff,
        ["GET /api/v1/accounts/{id}"] = Staff,
        ["GET /api/v1/accounts/{id}/links"] = Staff,
        ["POST /api/v1/accounts/{id}/lock"] = Staff,
        ["POST /api/v1/accounts/{id}/unlock"] = Staff,
        ["POST /api/v1/accounts/{id}/erasure"] = VendorAdmin,
        ["POST /api/v1/accounts/{id}/links/{integration}/revoke"] = Staff,
        ["GET /api/v1/audit"] = Staff,
        ["GET /api/v1/audit/verify"] = Staff,
        ["GET /api/v1/kill-switches"] = VendorAdmin,
        ["POST /api/v1/kill-switches"] = VendorAdmin,
        ["POST /api/v1/kill-switches/preview"] = VendorAdmin,
        ["POST /api/v1/kill-switches/{id:guid}/lift"] = VendorAdmin,
        ["POST /api/v1/kill-switches/{id:guid}/lift/approve"] = VendorAdmin,
        ["POST /api/v1/access/check"] = Bridge,
        ["POST /api/v1/access/visible-devices"] = Bridge,
        ["POST /api/v1/links"] = Bridge,
        ["DELETE /api/v1/links/{account}"] = Bridge,
        ["GET /export/devices.csv"] = Staff,
        ["GET /export/audit.csv"] = Staff,
        ["GET /export/my-data.json"] = Customer,
        ["GET /metrics"] = Staff,
        ["GET /diagnostics/memory"] = Staff,
    };

    /// <summary>Page route template → who it is for.</summary>
    private static readonly Dictionary<string, AccessPolicy> PagePolicies = new(StringComparer.Ordinal)
    {
        ["/Account/Login"] = Public,
        ["/Account/AccessDenied"] = Public,
        ["/not-found"] = Public,
        ["/"] = RoleHome,
        ["/cameras"] = Customer,
        ["/linked-services"] = Customer,
        ["/privacy"] = Customer,
        ["/search"] = Staff,
        ["/devices"] = Staff,
        ["/devices/{Serial}"] = Staff,
        ["/accounts/{Id:guid}"] = Staff,
        ["/accounts/{Id:guid}/links"] = Staff,
        ["/audit"] = Staff,
        ["/admin/signals"] = Staff,
        ["/fleet"] = VendorAdmin,
        ["/admin/tokens"] = VendorAdmin,
        ["/admin/integrations"] = VendorAdmin,
        ["/admin/integration-catalog"] = VendorAdmin,
        ["/admin/kill-switches"] = VendorAdmin,
        ["/admin/kill-switches/new"] = VendorAdmin,
    };

    private static readonly Caller Anonymous = new("anonymous", null, null);
    private static readonly Caller AdminToken = new("VendorAdmin token", "dev-admin-token", null, Staff, VendorAdmin);
    private static readonly Caller SupportToken = new("Support token", "dev-support-token", null, Staff);
    private static readonly Caller BridgeKey = new("bridge key", "dev-bridge-google-assistant", null, AccessPolicy.Bridge);
    private static readonly Caller CustomerCookie = new("customer cookie", null, "alice@demo.test", SignedIn, RoleHome, Customer) { Home = "/cameras" };
    private static readonly Caller SupportCookie = new("Support cookie", null, "support@demo.test", SignedIn, RoleHome, Staff) { Home = "/search" };
    private static readonly Caller AdminCookie = new("VendorAdmin cookie", null, "admin@demo.test", SignedIn, RoleHome, Staff, VendorAdmin) { Home = "/fleet" };

    private Guid _alice;
    private Guid _bob;

    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
        _alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        _bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EveryApiEndpoint_AnswersEachCallerAsItsPolicySays()
    {
        var endpoints = ApiEndpoints();
        endpoints.Count.ShouldBeGreaterThan(20, "the endpoint metadata was not found");
        var failures = new List<string>();
        failures.AddRange(endpoints.Where(e => !ApiPolicies.ContainsKey(e)).Select(e => $"{e}: no entry in the API policy table"));
        failures.AddRange(ApiPolicies.Keys.Except(endpoints).Select(e => $"{e}: in the policy table but not mapped by the app"));
        var covered = endpoints.Where(ApiPolicies.ContainsKey).ToList();

        // The customer's cookie belongs to the pages: it authenticates no API call.
        using var customer = await SignedInAsync(CustomerCookie);
        Caller[] callers = [Anonymous, AdminToken, SupportToken, BridgeKey, CustomerCookie];
        var clients = callers.ToDictionary(c => c, c => c == CustomerCookie ? customer : BearerClient(c.BearerToken));

        // Refusals first and in parallel (they change nothing); then the allowed calls one by one, reads before
        // writes, so an empty body that gets through anyway cannot disturb a later check.
        var refused = covered.SelectMany(e => callers.Where(c => !c.IsAllowed(ApiPolicies[e])).Select(c => (e, c)));
        failures.AddRange((await Task.WhenAll(refused.Select(x => CheckApiAsync(clients[x.c], x.c, x.e)))).OfType<string>());
        var allowed = covered.OrderBy(e => e.StartsWith("GET ", StringComparison.Ordinal) ? 0 : e.StartsWith("POST ", StringComparison.Ordinal) ? 1 : 2)
            .SelectMany(e => callers.Where(c => c.IsAllowed(ApiPolicies[e])).Select(c => (e, c)));
        foreach (var (endpoint, caller) in allowed)
        {
            failures.Add(await CheckApiAsync(clients[caller], caller, endpoint) ?? "");
        }
        foreach (var client in clients.Values.Where(c => c != customer))
        {
            client.Dispose();
        }

        failures.RemoveAll(string.IsNullOrEmpty);
        failures.ShouldBeEmpty(string.Join('\n', failures));
    }

    [Fact]
    public async Task EveryPage_AnswersEachCallerAsItsPolicySays()
    {
        var pages = PageTemplates();
        pages.Count.ShouldBeGreaterThan(10, "no routable page was found");
        var failures = new List<string>();
        failures.AddRange(pages.Where(p => !PagePolicies.ContainsKey(p)).Select(p => $"{p}: no entry in the page policy table"));
        failures.AddRange(PagePolicies.Keys.Except(pages).Select(p => $"{p}: in the policy table but no page has this route"));

        Caller[] callers = [Anonymous, CustomerCookie, SupportCookie, AdminCookie];
        var clients = await Task.WhenAll(callers.Select(SignedInAsync));
        var checks = pages.Where(PagePolicies.ContainsKey)
            .SelectMany(p => callers.Select((c, i) => CheckPageAsync(clients[i], c, p)));
        failures.AddRange((await Task.WhenAll(checks)).OfType<string>());
        foreach (var client in clients)
        {
            client.Dispose();
        }

        failures.ShouldBeEmpty(string.Join('\n', failures));
    }

    [Theory]
    [InlineData("/devices/DEMO-CAM-0003", "/devices/NOPE-0000")]
    [InlineData("/accounts/{bob}", "/accounts/{nobody}")]
    [InlineData("/accounts/{bob}/links", "/accounts/{nobody}/links")]
    public async Task CustomerAskingForAnotherCustomersObject_GetsWhatANonexistentObjectGets(string theirs, string missing)
    {
        using var alice = await SignedInAsync(CustomerCookie);

        var forTheirs = await alice.GetAsync(Resolve(theirs));
        var forMissing = await alice.GetAsync(Resolve(missing));

        // The same answer as for an object that does not exist: alice cannot tell that bob's camera exists.
        forTheirs.StatusCode.ShouldBe(forMissing.StatusCode);
        forTheirs.Headers.Location?.AbsolutePath.ShouldBe(forMissing.Headers.Location?.AbsolutePath);
        var html = await forTheirs.Content.ReadAsStringAsync();
        html.ShouldNotContain("bob@demo.test");
        html.ShouldNotContain("Ownership timeline");
        ((int)forTheirs.StatusCode).ShouldNotBe(200);
    }

    private async Task<string?> CheckApiAsync(HttpClient client, Caller caller, string endpoint)
    {
        var method = endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)];
        var path = FillRoute(endpoint[(method.Length + 1)..]);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var what = $"{endpoint} as {caller}: {status}{(response.Headers.Location is { } l ? " → " + l : "")}";

        if (status >= 500)
        {
            return what;
        }
        if (caller.IsAllowed(ApiPolicies[endpoint]))
        {
            return status is 401 or 403 || response.Headers.Location is not null ? what + " (expected to be let through)" : null;
        }
        // The CSV downloads are links in the staff pages: a browser without a credential is sent to sign in, a
        // signed-in user of the wrong role to the access-denied page, as a page would.
        if (endpoint.Contains(" /export/", StringComparison.Ordinal) && caller.BearerToken is null)
        {
            var target = caller.IsAnonymous ? SignInForm.LoginPath : "/Account/AccessDenied";
            return status == 302 && response.Headers.Location?.AbsolutePath == target ? null : $"{what} (expected a redirect to {target})";
        }
        if (response.Headers.Location is not null)
        {
            return what + " (the API never redirects)";
        }
        // Without a credential the API has (a cookie is none), the answer is 401; with one of the wrong kind, 403.
        var expected = caller.BearerToken is null ? 401 : 403;
        return status == expected ? null : $"{what} (expected {expected})";
    }

    private async Task<string?> CheckPageAsync(HttpClient client, Caller caller, string template)
    {
        using var response = await client.GetAsync(FillRoute(template));
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString();
        var what = $"page {template} as {caller}: {status}{(location is null ? "" : " → " + location)}";

        if (PagePolicies[template] == RoleHome && caller.IsAllowed(RoleHome))
        {
            return status == 302 && response.Headers.Location?.AbsolutePath == caller.Home ? null : $"{what} (expected a redirect to {caller.Home})";
        }
        if (caller.IsAllowed(PagePolicies[template]))
        {
            return status == 200 ? null : what + " (expected 200)";
        }
        var target = caller.IsAnonymous ? SignInForm.LoginPath : "/Account/AccessDenied";
        return status == 302 && string.Equals(response.Headers.Location?.AbsolutePath, target, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{what} (expected a redirect to {target})";
    }

    /// <summary>"METHOD pattern" of every API endpoint the app maps (under /api/, /export/, /diagnostics/, and /metrics).</summary>
    private List<string> ApiEndpoints()
    {
        using var _ = app.CreateClient();   // the endpoints are mapped once the host has started
        return MappedRoutes.Of(app.Services)
            .Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal)
                || e.Pattern.StartsWith("/export/", StringComparison.Ordinal)
                || e.Pattern.StartsWith("/diagnostics/", StringComparison.Ordinal)
                || e.Pattern == "/metrics")
            .SelectMany(e => (e.Methods ?? ["ANY"]).Select(m => $"{m} {e.Pattern}"))
            .Distinct()
            .ToList();
    }

    /// <summary>Every route template of every routable component in the web assembly.</summary>
    private static List<string> PageTemplates() =>
        typeof(Dashboard.Web.Auth.BridgeKeyDirectory).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<ComponentRoute>())
            .Select(r => r.Template)
            .Distinct()
            .ToList();

    /// <summary>Puts demo-fixture values into a route's parameters; an unknown parameter fails the test.</summary>
    private string FillRoute(string pattern) =>
        RouteParameter().Replace(pattern, m => (m.Groups["name"].Value.ToLowerInvariant(), pattern) switch
        {
            ("serial", _) => "DEMO-CAM-0001",
            ("id", var p) when p.Contains("/kill-switches/", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            ("id" or "account", _) => _alice.ToString(),
            ("integration", _) => "google-assistant",
            var (name, _) => throw new ShouldAssertException($"No sample value for route parameter {name} in {pattern}: add one."),
        });

    private string Resolve(string path) => path
        .Replace("{bob}", _bob.ToString(), StringComparison.Ordinal)
        .Replace("{nobody}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

    private HttpClient BearerClient(string? token)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }
        return client;
    }

    private async Task<HttpClient> SignedInAsync(Caller caller)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (caller.Email is not null)
        {
            await SignInForm.SignInAsync(client, caller.Email, "Demo-pass-1");
        }
        return client;
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
