using System.Text.Json;
using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// Support opens Alice's account (from the search, with a ticket typed beside it) and one of her cameras (by address)
/// in the browser; Alice then sees each
/// page open once (the prerender and the circuit that follows are one open) under "Your data", with support's email,
/// and downloads her data with the records in it.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PrivacyJourneyTests(DashboardFixture fixture)
{
    [BrowserFact]
    public async Task SupportOpensAlicesPages_AliceSeesEachOpenOnce_AndDownloadsHerData()
    {
        using var api = new DashboardApi(fixture.App.BaseAddress);
        var alice = await api.AccountIdAsync(DemoLogins.Alice);
        var ticket = "TICKET-" + Guid.NewGuid().ToString("N")[..8];

        await using (var supportContext = await fixture.NewContextAsync())
        {
            var support = await supportContext.NewPageAsync();
            await Session.SignInAsync(support, DemoLogins.Support);
            // The reason typed beside the search goes with the account opened from the results (inside the circuit).
            await support.GotoAsync("/search");
            await Session.WaitForCircuitAsync(support);
            await support.GetByTestId("search-reason").FillAsync(ticket);
            var box = support.GetByRole(AriaRole.Combobox, new() { Name = "Search devices and accounts" });
            await box.FillAsync(DemoLogins.Alice);
            await box.PressAsync("Enter");
            await support.Locator("[data-testid=account-results]").GetByRole(AriaRole.Link, new() { Name = DemoLogins.Alice }).ClickAsync();
            await Expect(support.GetByRole(AriaRole.Heading, new() { Name = DemoLogins.Alice, Level = 1 })).ToBeVisibleAsync();
            await support.GotoAsync($"/devices/DEMO-CAM-0002?reason={ticket}");
            await Session.WaitForCircuitAsync(support);
            await Expect(support.GetByRole(AriaRole.Heading, new() { Name = "DEMO-CAM-0002", Level = 1 })).ToBeVisibleAsync();
        }

        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Alice);
        await page.GetByRole(AriaRole.Link, new() { Name = "Your data" }).First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/privacy");
        await Session.WaitForCircuitAsync(page);

        var records = page.GetByTestId("access-records-grid").Locator("tbody tr").Filter(new() { HasText = ticket });
        await Expect(records).ToHaveCountAsync(2);
        await Expect(records.Filter(new() { HasText = "your account" })).ToHaveCountAsync(1);
        await Expect(records.Filter(new() { HasText = "a camera (DEMO-CAM-0002)" })).ToHaveCountAsync(1);
        foreach (var row in await records.AllAsync())
        {
            await Expect(row).ToContainTextAsync(DemoLogins.Support);
            await Expect(row).ToContainTextAsync("web page");
        }
        await Session.ScreenshotAsync(page, "privacy.png");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-my-data").ClickAsync());
        download.SuggestedFilename.ShouldBe($"my-data-{DateTime.UtcNow:yyyy-MM-dd}.json");
        var file = await download.PathAsync();
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        json.RootElement.GetProperty("account").GetProperty("email").GetString().ShouldBe(DemoLogins.Alice);
        json.RootElement.GetProperty("accessRecords").EnumerateArray()
            .Count(r => r.GetProperty("reason").GetString() == ticket && r.GetProperty("staff").GetString() == DemoLogins.Support)
            .ShouldBe(2);
    }
}
