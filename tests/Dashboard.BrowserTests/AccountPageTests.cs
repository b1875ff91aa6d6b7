using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>The customer account page for support: linked services, and lock and unlock behind a reasoned confirmation.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AccountPageTests(DashboardFixture fixture)
{
    [BrowserFact]
    public async Task Support_LocksAndUnlocksCarol_WithAReasonEachTime()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);
        await SupportPages.SearchAsync(page, "carol@demo.test");

        await page.Locator("[data-testid=account-results]").GetByRole(AriaRole.Link, new() { Name = "carol@demo.test" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "carol@demo.test", Level = 1 })).ToBeVisibleAsync();
        await Session.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("account-link").Filter(new() { HasText = "IFTTT" })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("account-status")).ToHaveTextAsync("active");

        await page.GetByTestId("lock").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("reason-dialog-reason").FillAsync("Card reported stolen");
        await dialog.GetByTestId("reason-dialog-confirm").ClickAsync();
        await Expect(page.GetByTestId("account-status")).ToHaveTextAsync("locked");

        await page.GetByTestId("unlock").ClickAsync();
        // Cancelling changes nothing.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.GetByTestId("account-status")).ToHaveTextAsync("locked");
        await page.GetByTestId("unlock").ClickAsync();
        await dialog.GetByTestId("reason-dialog-reason").FillAsync("Customer confirmed identity");
        await dialog.GetByTestId("reason-dialog-confirm").ClickAsync();
        await Expect(page.GetByTestId("account-status")).ToHaveTextAsync("active");
    }
}
