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
        await Expect(page.GetByTestId("search-count")).ToHaveTextAsync("2 devices and 1 account found.");
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
        await Expect(page.GetByTestId("device-results-pages")).ToContainTextAsync("Page 1 of");

        await page.GetByTestId("device-results-pager").GetByText("2", new() { Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("device-results-pages")).ToContainTextAsync("Page 2 of");
        await Expect(rows.First.Locator("td").First).Not.ToHaveTextAsync(firstOnPageOne);
        await Expect(rows).ToHaveCountAsync(20);
    }

    [BrowserFact]
    public async Task Suggestions_OfferDevicesAndAccountsAsOneTypes_AndPickingOneOpensIt()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);

        var box = page.GetByTestId("search-box");
        await box.FillAsync("DEMO-CAM-000");
        await Expect(page.GetByTestId("search-suggestion").First).ToContainTextAsync("Every result for “DEMO-CAM-000”");
        await Expect(page.GetByTestId("search-suggestion").Filter(new() { HasText = "DEMO-CAM-0001" })).ToBeVisibleAsync();
        await page.GetByTestId("search-suggestion").Filter(new() { HasText = "DEMO-CAM-0002" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "DEMO-CAM-0002", Level = 1 })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Enter_InTheBox_ListsEveryResult()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);

        var box = page.GetByTestId("search-box");
        await box.FillAsync("carol@demo");
        await Expect(page.GetByTestId("search-suggestion").First).ToBeVisibleAsync();
        await box.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains("q=carol%40demo", StringComparison.Ordinal));
        await Expect(page.GetByTestId("account-results")).ToContainTextAsync("carol@demo.test");
    }

    private static async Task<IPage> SearchAsync(IBrowserContext context, string query)
    {
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);
        await SupportPages.SearchAsync(page, query);
        return page;
    }
}
