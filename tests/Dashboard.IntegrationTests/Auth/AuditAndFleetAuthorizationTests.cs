using System.Net;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.IntegrationTests.Auth;

/// <summary>
/// Who may reach the audit and fleet pages, their API and their CSV downloads: staff only. On the API a missing
/// credential is a 401 problem (a sign-in cookie alone too) and a credential of the wrong kind a 403; on pages and
/// downloads an anonymous visitor is sent to sign in and a customer to the access-denied page.
/// </summary>
public sealed class AuditAndFleetAuthorizationTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private const string DemoPassword = "Demo-pass-1";

    public static TheoryData<string> ApiPaths => new() { "/api/v1/audit", "/api/v1/audit/verify" };

    public static TheoryData<string> PagePaths => new()
    {
        "/audit", "/devices", "/audit?entity=device&entityId=DEMO-CAM-0001", "/export/devices.csv", "/export/audit.csv",
    };

    [Theory]
    [MemberData(nameof(ApiPaths))]
    public async Task Api_WithoutCredential_Is401Problem(string path)
    {
        using var client = app.CreateClient();

        await (await client.GetAsync(path)).ProblemAsync(401);
    }

    [Theory]
    [MemberData(nameof(ApiPaths))]
    public async Task Api_WithUnknownToken_Is401Problem(string path)
    {
        using var client = app.CreateClient("no-such-token");

        await (await client.GetAsync(path)).ProblemAsync(401);
    }

    [Theory]
    [MemberData(nameof(ApiPaths))]
    public async Task Api_WithBridgeKey_Is403Problem(string path)
    {
        await app.LoadBridgeKeysAsync();
        using var client = app.CreateClient("dev-bridge-google-assistant");

        await (await client.GetAsync(path)).ProblemAsync(403);
    }

    [Theory]
    [MemberData(nameof(ApiPaths))]
    public async Task Api_WithACustomersSignInCookieOnly_Is401Problem(string path)
    {
        var client = await SignedInAsync("alice@demo.test");

        await (await client.GetAsync(path)).ProblemAsync(401);
    }

    [Theory]
    [InlineData("dev-support-token")]
    [InlineData("dev-admin-token")]
    public async Task Api_WithStaffToken_Is200(string token)
    {
        using var client = app.CreateClient(token);

        (await client.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/audit/verify")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(PagePaths))]
    public async Task Page_WhenAnonymous_RedirectsToSignIn(string path)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login?ReturnUrl=");
    }

    [Theory]
    [MemberData(nameof(PagePaths))]
    public async Task Page_WhenSignedInAsCustomer_ShowsAccessDenied(string path)
    {
        var client = await SignedInAsync("alice@demo.test");

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Theory]
    [InlineData("/export/devices.csv")]
    [InlineData("/export/audit.csv")]
    public async Task Download_WithBridgeKey_Is403(string path)
    {
        await app.LoadBridgeKeysAsync();
        using var client = app.CreateClient("dev-bridge-google-assistant");

        (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("support@demo.test", "/audit", "Audit log")]
    [InlineData("support@demo.test", "/devices", "Devices")]
    [InlineData("admin@demo.test", "/audit", "Audit log")]
    [InlineData("admin@demo.test", "/devices", "Devices")]
    public async Task Page_WhenSignedInAsStaff_Renders(string email, string path, string heading)
    {
        var client = await SignedInAsync(email);

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain($">{heading}</h1>");
    }

    [Theory]
    [InlineData("/export/devices.csv?region=US")]
    [InlineData("/export/audit.csv")]
    public async Task Download_WhenSignedInAsSupport_WorksWithTheCookie(string path)
    {
        var client = await SignedInAsync("support@demo.test");

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInForm.SignInAsync(client, email, DemoPassword);
        return client;
    }
}
