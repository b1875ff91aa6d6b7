using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// A bridge that asks, again and again, for a camera its account does not own (what the Xiaomi and Wyze bridges did)
/// raises a banner for staff that leads to every one of those decisions.
/// </summary>
[Collection(SignalAppCollection.Name)]
public sealed class NotOwnerSignalTests(DashboardFixture fixture)
{
    /// <summary>Above the default threshold of 20 per minute, even if the burst straddles a minute.</summary>
    private const int Burst = 42;

    [BrowserFact]
    public async Task Banner_AfterABurstOfNotOwnerChecks_ShowsForAdminAndLeadsToTheDecisions()
    {
        await SendBurstAsync();
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await Session.SignInAsync(page, DemoLogins.Admin);

        var banner = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Cross-tenant signal" });
        // Written within a second, read by the banner within its refresh: bounded by this expectation's timeout.
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(banner).ToContainTextAsync("Google Assistant");

        // The admin home's panel counts the burst among the decisions of the last minutes.
        await page.ReloadAsync();
        await Session.WaitForCircuitAsync(page);
        var notOwnerRow = page.Locator("[data-testid=access-by-reason] tr[data-reason=not_owner]");
        await Expect(notOwnerRow).ToBeVisibleAsync();
        await Expect(notOwnerRow).ToContainTextAsync("denied");
        await Session.ScreenshotAsync(page, "not-owner-banner.png");

        await banner.GetByRole(AriaRole.Link, new() { Name = "Review not_owner decisions" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/signals");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cross-tenant signal", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signal-list")).ToContainTextAsync("google-assistant");
        await Expect(page.GetByTestId("not-owner-minutes")).ToContainTextAsync("signal");
        var decisions = page.Locator("[data-testid=not-owner-decisions] tbody tr");
        await Expect(decisions).ToHaveCountAsync(25);   // one page of many
        await Expect(decisions.First).ToContainTextAsync("DEMO-CAM-0003");
        await Expect(decisions.First).ToContainTextAsync("alice@demo.test");
        await Expect(decisions.First).ToContainTextAsync("Google Assistant");
        await Expect(decisions.First).ToContainTextAsync("stream");
        // The burst sent no X-Correlation-Id: each request's own trace id is stored and shown, to find it in the logs.
        await Expect(decisions.First.GetByTestId("correlation-id")).ToHaveTextAsync(new Regex("^[0-9a-f]{32}$"));
        await Expect(page.GetByText($"({Burst} in all)", new() { Exact = true })).ToBeVisibleAsync();   // paged: every one of them, 25 a page

        await Session.ScreenshotAsync(page, "not-owner-signal.png");
    }

    [BrowserFact]
    public async Task SignalsPage_WhenCustomerTypesIt_ShowsAccessDenied()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Alice);

        await page.GotoAsync("/admin/signals");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("not-owner-banner")).ToHaveCountAsync(0);
    }

    private async Task SendBurstAsync()
    {
        using var http = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        var alice = await AliceIdAsync(http);
        for (var i = 0; i < Burst; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/access/check")
            {
                Content = JsonContent.Create(new { account = alice, device = "DEMO-CAM-0003", action = "stream" }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "dev-bridge-google-assistant");
            using var response = await http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            body.RootElement.GetProperty("reason").GetString().ShouldBe("not_owner");
        }
    }

    private static async Task<string> AliceIdAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/accounts?query=" + Uri.EscapeDataString(DemoLogins.Alice));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "dev-admin-token");
        using var response = await http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;
    }
}

/// <summary>
/// An app of its own: the burst stays in the signal's window for 15 minutes, and would otherwise put the banner on
/// every admin page the other browser tests look at (and photograph).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SignalAppCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard app with a not_owner burst";
}
