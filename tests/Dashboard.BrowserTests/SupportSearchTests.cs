using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>The support home page: look-ups by the start of a serial, MAC address or email.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SupportSearchTests(DashboardFixture fixture)
{
    [BrowserFact]
    public async Task Search_WhenNothingMatches_SaysSoAndNamesTheQuery()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await SearchAsync(context, "NOPE-0000");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No results for “NOPE-0000”" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("device-results")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task Search_ByOwnerEmail_FindsTheAccountAndItsDevices()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await SearchAsync(context, "alice@demo.test");

        var accounts = page.Locator("[data-testid=account-results] tbody tr");
        await Expect(accounts).ToHaveCountAsync(1);
        await Expect(accounts.First).ToContainTextAsync("alice@demo.test");
        await Expect(page.Locator("[data-testid=device-results] tbody tr")).ToHaveCountAsync(2);
    }

    [BrowserFact]
    public async Task Search_WhenMoreThanAPageMatches_PagesThroughTheResults()
    {
        // Most generated serials start with this model prefix: far more than one page of 20.
        await using var context = await fixture.NewContextAsync();
        var page = await SearchAsync(context, "mjsxj");
        var rows = page.Locator("[data-testid=device-results] tbody tr");
        await Expect(rows).ToHaveCountAsync(20);
        var firstOnPageOne = await rows.First.Locator("td").First.InnerTextAsync();

        await page.Locator(".search-results .rz-pager").GetByText("2", new() { Exact = true }).ClickAsync();

        await Expect(rows.First.Locator("td").First).Not.ToHaveTextAsync(firstOnPageOne);
        await Expect(rows).ToHaveCountAsync(20);
    }

    private static async Task<IPage> SearchAsync(IBrowserContext context, string query)
    {
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search devices and accounts" });
        await box.FillAsync(query);
        await box.PressAsync("Enter");
        return page;
    }
}
