using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>The builder's checks: readable messages, nothing fired on bad input, and a count that follows the form.</summary>
[Collection(DashboardCollection.Name)]
public sealed class KillSwitchBuilderTests(DashboardFixture fixture)
{
    [BrowserFact]
    public async Task Builder_WithUnknownAccountAndNoReason_ExplainsAndFiresNothing_ThenCountsTheFixedScope()
    {
        using var api = new DashboardApi(fixture.App.BaseAddress);
        var switchesBefore = await api.KillSwitchCountAsync();
        var alice = await api.AccountIdAsync(DemoLogins.Alice);
        var expected = await api.PreviewAsync(new { allIntegrations = true, accounts = new[] { alice } });

        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Admin);
        await page.GotoAsync("/admin/kill-switches/new");
        await Session.WaitForCircuitAsync(page);

        await page.GetByRole(Microsoft.Playwright.AriaRole.Radio, new() { Name = "All integrations" }).ClickAsync();
        await page.GetByTestId("accounts").FillAsync("nobody@demo.test ALICE@demo.test");

        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Alert).Filter(new() { HasText = "nobody@demo.test" }))
            .ToContainTextAsync("No account has the id or email “nobody@demo.test”.");
        await Expect(page.GetByTestId("matched-accounts")).ToContainTextAsync("alice@demo.test");
        await Expect(page.GetByTestId("blast-radius")).ToHaveAttributeAsync("data-state", "problem");

        await page.GetByTestId("review-fire").ClickAsync();

        await Expect(page.GetByTestId("fire-problem")).ToContainTextAsync("Nothing was fired");
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Alert).Filter(new() { HasText = "Required." })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("fire-confirm")).ToHaveCountAsync(0);
        (await api.KillSwitchCountAsync()).ShouldBe(switchesBefore);

        // Fixing the account brings the count back, for alice alone.
        await page.GetByTestId("accounts").FillAsync("alice@demo.test");
        var radius = page.GetByTestId("blast-radius");
        await Expect(radius).ToContainTextAsync("All integrations · accounts: alice@demo.test");
        await Expect(radius).ToHaveAttributeAsync("data-state", "ready");
        await Expect(radius.Locator("[data-stat=radius-accounts]")).ToHaveTextAsync(expected.Accounts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(radius.Locator("[data-stat=radius-devices]")).ToHaveTextAsync(expected.Devices.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(radius.Locator("[data-stat=radius-links]")).ToHaveTextAsync(expected.Links.ToString(System.Globalization.CultureInfo.InvariantCulture));
        expected.Accounts.ShouldBe(1);
    }
}
