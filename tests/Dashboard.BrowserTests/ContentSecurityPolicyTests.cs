using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// The Content-Security-Policy as Chromium enforces it, over the pages that use the most of Blazor and MudBlazor
/// (grids, dropdown popups, dialogs, charts, notifications): nothing is refused, and each page answers clicks.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ContentSecurityPolicyTests(DashboardFixture fixture)
{
    [BrowserFact]
    public async Task Watch_SeesWhatThePolicyRefuses()
    {
        await using var context = await fixture.NewContextAsync();
        var csp = await CspWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        // An inline script, which script-src 'self' must refuse: proves the listener is live under the real header.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.head.appendChild(s); }");

        await Expect(page.Locator("body")).ToBeVisibleAsync();
        (await page.EvaluateAsync<bool>("() => window.injected === true")).ShouldBeFalse("the inline script ran");
        await WaitUntilAsync(() => csp.Violations.Any(v => v.Contains("script-src", StringComparison.Ordinal)));
    }

    [BrowserFact]
    public async Task SignInAndAdminPages_RunUnderThePolicy_WithoutAViolation()
    {
        await using var context = await fixture.NewContextAsync();
        var csp = await CspWatch.AttachAsync(context);
        var page = await context.NewPageAsync();

        // The sign-in page: static, but it loads the Blazor script (enhanced forms), MudBlazor's styles and the theme.
        await page.GotoAsync("/Account/Login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => typeof window.Blazor === 'object'");
        await Session.SignInAsync(page, DemoLogins.Admin);

        // Admin home: statistics and charts.
        new Uri(page.Url).AbsolutePath.ShouldBe("/fleet");
        await Expect(page.Locator("[data-breakdown=model] svg").First).ToBeVisibleAsync();

        // Kill switch builder and its confirmation dialog (opened, then cancelled: nothing fires).
        await page.GotoAsync("/admin/kill-switches/new?integration=google-assistant");
        await Session.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("blast-radius")).ToHaveAttributeAsync("data-state", "ready");
        await page.GetByLabel("Reason (required)").FillAsync("CSP check: opened and cancelled");
        await page.GetByTestId("review-fire").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Type FIRE to confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        // The fleet list: a DataGrid with server paging and dropdown filters (their popups).
        await page.GotoAsync("/devices");
        await Session.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=fleet-grid] tbody tr").First).ToBeVisibleAsync();
        await page.GetByTestId("filter-region").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "US", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("region=US", StringComparison.Ordinal));

        // A device page and its transfer dialog (cancelled).
        await page.GotoAsync("/devices/DEMO-CAM-0001");
        await Session.WaitForCircuitAsync(page);
        // Whichever the camera offers now (another test may have moved it): both open the reason dialog.
        await page.Locator("[data-testid=transfer], [data-testid=claim]").First.ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        // The audit log: a DataGrid and the chain check.
        await page.GotoAsync("/audit");
        await Session.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=audit-grid] tbody tr").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify chain" }).ClickAsync();
        await Expect(page.GetByTestId("verify-result")).ToBeVisibleAsync();

        csp.ShouldBeClean();
    }

    [BrowserFact]
    public async Task CustomerLinkedServices_RunUnderThePolicy_WithoutAViolation()
    {
        await using var context = await fixture.NewContextAsync();
        var csp = await CspWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Alice);

        await page.GotoAsync("/linked-services");
        await Session.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("link-activity")).ToBeVisibleAsync();
        // An unlink dialog, opened and cancelled (other tests may have unlinked some services; Google stays linked).
        await page.Locator("[data-testid^=unlink-]").First.ClickAsync();
        var dialog = page.GetByTestId("reason-dialog");
        await Expect(dialog).ToContainTextAsync("can no longer reach any of your cameras.");
        await page.GetByTestId("reason-dialog-cancel").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await page.GotoAsync("/privacy");
        await Session.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("access-records")).ToBeVisibleAsync();

        csp.ShouldBeClean();
    }

    /// <summary>The exposed binding reports asynchronously; wait for it (generously) rather than sleep.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the violation was never reported");
            await Task.Delay(100);
        }
    }
}
