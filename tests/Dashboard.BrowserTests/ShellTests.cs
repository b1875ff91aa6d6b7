using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>The layout around every page: theme, navigation by role, sign-out.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ShellTests(DashboardFixture fixture)
{
    private const string DarkThemeStylesheet = "link[href*='material-dark-base']";

    [BrowserFact]
    public async Task ThemeToggle_WhenClicked_SwitchesToDarkAndKeepsItAfterReload()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Alice);
        await Expect(page.Locator(DarkThemeStylesheet)).ToHaveCountAsync(0);

        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" });
        await toggle.ClickAsync();

        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator(DarkThemeStylesheet)).ToHaveCountAsync(1);

        await page.ReloadAsync();
        await Session.WaitForCircuitAsync(page);
        await Expect(page.Locator(DarkThemeStylesheet)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" })).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [BrowserFact]
    public async Task Navigation_ShowsOnlyTheLinksOfTheRole()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Search" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Fleet overview" })).ToHaveCountAsync(0);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "My cameras" })).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task SkipLink_IsFirstInTabOrderAndMovesFocusToMainContent()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Alice);
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });

        var firstTabbable = await page.EvaluateAsync<string>(
            "() => document.querySelector('a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex=\"-1\"])').textContent");
        firstTabbable.ShouldBe("Skip to main content");

        await skipLink.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main")).ToBeFocusedAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/cameras");
    }

    [BrowserFact]
    public async Task SignOut_WhenClicked_EndsTheSession()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Alice);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase));

        await page.GotoAsync("/cameras");
        new Uri(page.Url).AbsolutePath.ShouldBe("/Account/Login", StringCompareShould.IgnoreCase);
    }
}
