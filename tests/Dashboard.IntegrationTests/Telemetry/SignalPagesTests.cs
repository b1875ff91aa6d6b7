using System.Net;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Auth;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.IntegrationTests.Telemetry;

/// <summary>The signal's pages as the server renders them, before any not_owner decision.</summary>
public sealed class SignalsPageEmptyTests(TelemetryAppFactory app) : IClassFixture<TelemetryAppFactory>
{
    [Theory]
    [InlineData("admin@demo.test")]
    [InlineData("support@demo.test")]
    public async Task SignalsPage_WithNoNotOwnerDecisions_ShowsEmptyStatesAndNoBanner(string staff)
    {
        var client = await SignedInAsync(app, staff);

        using var response = await client.GetAsync("/admin/signals");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("No integration reached the threshold");
        html.ShouldContain("No not_owner decisions");
        html.ShouldNotContain("not-owner-banner");
    }

    [Fact]
    public async Task SignalsPage_ForACustomer_ShowsAccessDeniedAndNoData()
    {
        var client = await SignedInAsync(app, "alice@demo.test");

        using var response = await client.GetAsync("/admin/signals");

        // A full page load meets the endpoint's policy first: off to the access-denied page, nothing of this one.
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Integrations above the threshold");
    }

    internal static async Task<HttpClient> SignedInAsync(DashboardAppFactory app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInForm.SignInAsync(client, email, "Demo-pass-1");
        return client;
    }
}

/// <summary>With a threshold of 3, three not_owner checks raise the banner on staff pages, and only there.</summary>
public sealed class SignalBannerTests(SignalBannerTests.LowThreshold app) : IClassFixture<SignalBannerTests.LowThreshold>, IAsyncLifetime
{
    public sealed class LowThreshold : TelemetryAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Dashboard:Signals:NotOwnerPerMinuteThreshold", "3");
            builder.UseSetting("Dashboard:Signals:BannerCacheDuration", "00:00:00");
        }
    }

    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Banner_AfterABurstAboveTheThreshold_ShowsOnStaffPagesOnly()
    {
        var admin = await SignalsPageEmptyTests.SignedInAsync(app, "admin@demo.test");
        (await admin.GetStringAsync("/fleet")).ShouldNotContain("not-owner-banner");

        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        using var alexa = app.CreateClient("dev-bridge-alexa");
        // Six in at most two minutes: one minute holds three, whatever the clock did meanwhile.
        for (var i = 0; i < 6; i++)
        {
            (await alexa.CheckAsync(alice, "DEMO-CAM-0003", "events")).Reason.ShouldBe("not_owner");
        }

        await Eventually.HoldsAsync(
            async () => (await admin.GetStringAsync("/fleet")).Contains("not-owner-banner", StringComparison.Ordinal),
            TimeSpan.FromSeconds(15), "the banner never appeared on the admin home");
        var home = await admin.GetStringAsync("/fleet");
        home.ShouldContain("role=\"alert\"");
        home.ShouldContain("Amazon Alexa asked");
        home.ShouldContain("href=\"admin/signals\"");

        var support = await SignalsPageEmptyTests.SignedInAsync(app, "support@demo.test");
        (await support.GetStringAsync("/search")).ShouldContain("not-owner-banner");
        var customer = await SignalsPageEmptyTests.SignedInAsync(app, "alice@demo.test");
        (await customer.GetStringAsync("/cameras")).ShouldNotContain("not-owner-banner");
    }
}
