using System.Net;
using System.Net.Http.Json;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Auth;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.IntegrationTests.Ownership;

/// <summary>
/// Who reaches the support endpoints and pages: staff (Support, VendorAdmin) only. Anonymous callers get 401, bridge
/// keys 403, a customer's sign-in cookie 401 on the API (cookies never authenticate it) and the access-denied page
/// on the pages. Every call here would change something if it got through.
/// </summary>
public sealed class SupportApiAuthorizationTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public static readonly TheoryData<string, string> Endpoints = new()
    {
        { "GET", "/api/v1/devices/DEMO-CAM-0003" },
        { "GET", "/api/v1/devices/DEMO-CAM-0003/history" },
        { "GET", "/api/v1/devices/DEMO-CAM-0003/owner-at?at=2026-01-01T00:00:00Z" },
        { "POST", "/api/v1/devices/DEMO-CAM-0004/claim" },
        { "POST", "/api/v1/devices/DEMO-CAM-0003/transfer" },
        { "POST", "/api/v1/devices/DEMO-CAM-0003/release" },
        { "POST", "/api/v1/accounts/{bob}/lock" },
        { "POST", "/api/v1/accounts/{bob}/unlock" },
    };

    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_WithoutCredential_Is401(string method, string path)
    {
        using var client = app.CreateClient();

        await (await SendAsync(client, method, path)).ProblemAsync(401);
        await ShouldBeUntouchedAsync();
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_WithBridgeKey_Is403(string method, string path)
    {
        using var client = app.CreateClient("dev-bridge-google-assistant");

        await (await SendAsync(client, method, path)).ProblemAsync(403);
        await ShouldBeUntouchedAsync();
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_WithOnlyACustomersSignInCookie_Is401(string method, string path)
    {
        using var client = await SignedInAsync("bob@demo.test");

        var response = await SendAsync(client, method, path);

        response.Headers.Location.ShouldBeNull();
        await response.ProblemAsync(401);
        await ShouldBeUntouchedAsync();
    }

    [Theory]
    [InlineData("/devices/DEMO-CAM-0003")]
    [InlineData("/accounts/{bob}")]
    public async Task Page_ForASignedInCustomer_IsTheAccessDeniedPage(string path)
    {
        // Alice asks about bob's camera and account: she must learn nothing about them.
        using var client = await SignedInAsync("alice@demo.test");

        var response = await client.GetAsync(await ResolveAsync(path));
        // A page load is sent on to the access-denied page (inside the app, the router shows it in place).
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var html = await (await client.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();

        html.ShouldContain("Access denied");
        html.ShouldNotContain("Ownership timeline");
        html.ShouldNotContain("bob@demo.test");
    }

    [Theory]
    [InlineData("/devices/DEMO-CAM-0003", "Ownership timeline")]
    [InlineData("/accounts/{bob}", "Linked services")]
    public async Task Page_ForSupport_ShowsTheObject(string path, string section)
    {
        using var client = await SignedInAsync("support@demo.test");

        var response = await client.GetAsync(await ResolveAsync(path));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(section);
        html.ShouldNotContain("Access denied");
    }

    [Theory]
    [InlineData("/devices/DEMO-CAM-0003")]
    [InlineData("/accounts/{bob}")]
    public async Task Page_ForAnonymous_RedirectsToSignIn(string path)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(await ResolveAsync(path));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInForm.SignInAsync(client, email, "Demo-pass-1");
        return client;
    }

    private async Task<string> ResolveAsync(string path) =>
        path.Replace("{bob}", (await DemoFixtureApp.AccountIdAsync(app, "bob")).ToString(), StringComparison.Ordinal);

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        var carol = await DemoFixtureApp.AccountIdAsync(app, "carol");
        var uri = await ResolveAsync(path);
        return method == "GET"
            ? await client.GetAsync(uri)
            : await client.PostAsJsonAsync(uri, new { account = carol, toAccount = carol, reason = "must not happen" });
    }

    private async Task ShouldBeUntouchedAsync()
    {
        using var support = app.CreateClient(OwnershipApi.SupportToken);
        (await support.DeviceAsync("DEMO-CAM-0003"))["owner"]!["email"].Text().ShouldBe("bob@demo.test");
        (await support.DeviceAsync("DEMO-CAM-0004"))["owner"].ShouldBeNull();
        var bob = await (await support.GetAsync("/api/v1/accounts?query=bob%40demo.test")).JsonAsync();
        bob.Items().Single()["status"].Text().ShouldBe("active");
    }
}
