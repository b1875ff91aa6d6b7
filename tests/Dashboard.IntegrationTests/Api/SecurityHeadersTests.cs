using System.Net.Http.Headers;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Hosting;

namespace Dashboard.IntegrationTests.Api;

public sealed class SecurityHeadersTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Theory]
    [InlineData("/healthz", null, 200)]
    [InlineData("/api/v1/devices", null, 401)]
    [InlineData("/api/v1/devices", "dev-bridge-ifttt", 403)]
    [InlineData("/api/v1/devices/NOPE-0000", "dev-support-token", 404)]
    [InlineData("/api/v1/no-such-resource", "dev-support-token", 404)]
    [InlineData("/api/v1/devices?pageSize=0", "dev-support-token", 400)]
    [InlineData("/openapi/v1.json", null, 200)]
    [InlineData("/favicon.svg", null, 200)]
    [InlineData("/Account/Login", null, 200)]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path, string? token, int status)
    {
        await app.LoadBridgeKeysAsync();
        using var client = token is null ? app.CreateClient() : app.CreateClient(token);

        using var response = await client.GetAsync(path);

        ((int)response.StatusCode).ShouldBe(status);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task ApiResponses_AreNotCached()
    {
        using var client = app.CreateClient("dev-support-token");

        using var response = await client.GetAsync("/api/v1/devices?query=DEMO");

        response.Headers.CacheControl?.NoStore.ShouldBeTrue();
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var path = response.RequestMessage?.RequestUri?.PathAndQuery;
        Single(response, "Content-Security-Policy").ShouldBe(SecurityHeaders.ContentSecurityPolicy, path);
        Single(response, "X-Content-Type-Options").ShouldBe("nosniff", path);
        Single(response, "Referrer-Policy").ShouldBe("strict-origin-when-cross-origin", path);
        Single(response, "X-Frame-Options").ShouldBe("DENY", path);
        SecurityHeaders.ContentSecurityPolicy.ShouldContain("frame-ancestors 'none'");
    }

    private static string Single(HttpResponseMessage response, string name)
    {
        IEnumerable<string>? values = response.Headers.TryGetValues(name, out var headerValues) ? headerValues
            : response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues
            : null;
        values.ShouldNotBeNull($"{name} missing on {response.RequestMessage?.RequestUri}");
        return values.ShouldHaveSingleItem();
    }
}
