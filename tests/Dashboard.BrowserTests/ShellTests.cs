using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>The layout around every page: theme, language, navigation by role, sign-out, on a desktop and a phone.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ShellTests(DashboardFixture fixture)
{
    /// <summary>The page's background as the browser paints it: "rgb(r, g, b)".</summary>
    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private static bool IsDark(string rgb) =>
        rgb.Trim("rgba()".ToCharArray()).Split(',').Take(3).Select(c => int.Parse(c.Trim(), System.Globalization.CultureInfo.InvariantCulture)).Sum() < 3 * 128;

    private static async Task ChoosePreferencesAsync(IPage page, string? language = null, string? theme = null)
    {
        await page.GetByTestId("preferences").Locator("summary").ClickAsync();
        if (language is not null)
        {
            await page.GetByTestId($"language-{language}").CheckAsync();
        }
        if (theme is not null)
        {
            await page.GetByTestId($"theme-{theme}").CheckAsync();
        }
        await page.GetByTestId("preferences-save").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    [BrowserFact]
    public async Task Theme_FollowsTheSystemByDefault_AndAChoiceIsKeptAcrossPages()
    {
        await using var context = await fixture.NewContextAsync(new() { ColorScheme = ColorScheme.Dark });
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Alice);
        IsDark(await BackgroundAsync(page)).ShouldBeTrue("a dark system gets the dark theme by default");

        await ChoosePreferencesAsync(page, theme: "light");
        IsDark(await BackgroundAsync(page)).ShouldBeFalse();

        await page.GotoAsync("/linked-services");
        await Session.WaitForCircuitAsync(page);
        IsDark(await BackgroundAsync(page)).ShouldBeFalse("the choice is kept, whatever the system says");
        await page.GetByTestId("preferences").Locator("summary").ClickAsync();
        await Expect(page.GetByTestId("theme-light")).ToBeCheckedAsync();
    }

    [BrowserFact]
    public async Task Language_ChosenInTheAppBar_TranslatesThePagesAndIsKept()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);
        var nav = page.GetByRole(AriaRole.Navigation);

        await ChoosePreferencesAsync(page, language: "fr");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Appareils" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();

        await ChoosePreferencesAsync(page, language: "id");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Perangkat" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
    }

    [BrowserFact]
    public async Task Language_ComesFromTheBrowser_WhenNoneWasChosen()
    {
        await using var context = await fixture.NewContextAsync(new() { Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Mot de passe")).ToBeVisibleAsync();
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

        var firstTabbable = await page.EvaluateAsync<string>(
            "() => document.querySelector('a[href], button:not([disabled]), input, select, textarea, summary, [tabindex]:not([tabindex=\"-1\"])').textContent");
        firstTabbable.ShouldBe("Skip to main content");

        await page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main")).ToBeFocusedAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/cameras");
    }

    [BrowserFact]
    public async Task Phone_KeepsSignOutOnScreen_AndOpensTheNavigationFromTheMenuButton()
    {
        await using var context = await fixture.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);

        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await Expect(signOut).ToBeInViewportAsync(new() { Ratio = 1 });
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav).Not.ToBeVisibleAsync();

        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Show or hide navigation" });
        await menu.ClickAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Audit" })).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Escape");
        await Expect(nav).Not.ToBeVisibleAsync();
        await Expect(menu).ToBeFocusedAsync();

        await menu.ClickAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/audit");
        await Expect(nav).Not.ToBeVisibleAsync();
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
