using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>Pages open only to the roles their policies name; everyone else is told so, never shown the data.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AccessTests(DashboardFixture fixture)
{
    [BrowserFact]
    public async Task AdminUrl_WhenCustomerTypesIt_ShowsAccessDenied()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Alice);

        await page.GotoAsync("/fleet");

        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-stat=devices]")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task AdminLink_WhenSupportFollowsItInsideTheApp_ShowsAccessDenied()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);

        // Navigation inside the circuit: the router, not the HTTP pipeline, applies the page's policy.
        await page.EvaluateAsync("() => Blazor.navigateTo('/fleet')");

        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-stat=devices]")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task KillSwitchAndIntegrationPages_WhenSupportOpensThem_ShowAccessDenied()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);

        foreach (var path in new[] { "/admin/kill-switches", "/admin/kill-switches/new?integration=google-assistant", "/admin/integrations" })
        {
            await page.GotoAsync(path);

            await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("blast-radius")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("integration")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("pending-lifts")).ToHaveCountAsync(0);
        }
        var nav = page.GetByRole(Microsoft.Playwright.AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Kill switches" })).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task ProtectedPage_WhenAnonymous_RedirectsToSignInAndBack()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/cameras");

        new Uri(page.Url).AbsolutePath.ShouldBe("/Account/Login", StringCompareShould.IgnoreCase);
        await page.Locator("[name='Input.Email']").FillAsync(DemoLogins.Alice);
        await page.Locator("[name='Input.Password']").FillAsync(DemoLogins.Password);
        await page.Locator("form:has([name='Input.Email']) [type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/cameras");
    }

    [BrowserFact]
    public async Task UnknownAddress_ShowsNotFoundPageWith404()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Alice);

        var response = await page.GotoAsync("/no-such-page");

        response.ShouldNotBeNull().Status.ShouldBe(404);
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
    }
}
