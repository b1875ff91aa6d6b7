using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// Linked services on a phone (390x844) and in French and Indonesian. Every change these journeys make is undone
/// before they end, so they hold whatever other journeys in the collection did to alice's links first.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LinkedServicesLanguageAndPhoneTests(DashboardFixture fixture)
{
    private const int PhoneWidth = 390;

    [BrowserFact]
    public async Task Alice_OnAPhone_SwitchesACameraOffAndOnAndReachesUnlink()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(PhoneWidth, 844);
        await Session.SignInAsync(page, DemoLogins.Alice);

        await page.GotoAsync("/linked-services");
        await Session.WaitForCircuitAsync(page);
        var google = page.GetByTestId("linked-service-google-assistant");
        await Expect(google).ToBeVisibleAsync();
        var box = await google.BoundingBoxAsync();
        box.ShouldNotBeNull();
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(PhoneWidth);   // the card fits the screen, nothing clipped

        var cam1 = page.GetByRole(AriaRole.Switch, new() { Name = "Google Assistant may see DEMO-CAM-0001" });
        var wasOn = await cam1.IsCheckedAsync();
        await cam1.ClickAsync();
        await Expect(page.GetByText(wasOn
            ? "Saved: Google Assistant can no longer see DEMO-CAM-0001."
            : "Saved: Google Assistant can now see DEMO-CAM-0001.")).ToBeVisibleAsync();
        await Expect(cam1).ToBeCheckedAsync(new() { Checked = !wasOn });
        await cam1.ClickAsync();
        await Expect(cam1).ToBeCheckedAsync(new() { Checked = wasOn });

        var unlink = google.GetByTestId("unlink-google-assistant");
        await unlink.ScrollIntoViewIfNeededAsync();
        var button = await unlink.BoundingBoxAsync();
        button.ShouldNotBeNull();
        (button.X + button.Width).ShouldBeLessThanOrEqualTo(PhoneWidth);
        await unlink.ClickAsync();
        await Expect(page.GetByTestId("reason-dialog")).ToContainTextAsync("Google Assistant can no longer reach any of your cameras.");
        await page.GetByTestId("reason-dialog-cancel").ClickAsync();
        await Expect(page.GetByTestId("reason-dialog")).ToHaveCountAsync(0);
        await Expect(google).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Alice_InFrench_ReadsHerCamerasAndLinkedServicesInFrench()
    {
        await using var context = await fixture.NewContextAsync();
        await InLanguageAsync(context, "fr");
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Alice);

        await page.GotoAsync("/cameras");
        await Session.WaitForCircuitAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes caméras", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("my-cameras")).ToContainTextAsync("Services qui peuvent la voir");

        await page.GetByRole(AriaRole.Link, new() { Name = "Services associés" }).First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/linked-services");
        await Session.WaitForCircuitAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Services associés", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Google Assistant peut voir DEMO-CAM-0001" })).ToBeVisibleAsync();
        await page.GetByTestId("unlink-google-assistant").ClickAsync();
        await Expect(page.GetByTestId("reason-dialog")).ToContainTextAsync("Google Assistant ne pourra plus accéder à aucune de vos caméras.");
        await page.GetByTestId("reason-dialog-cancel").ClickAsync();
        await Expect(page.GetByTestId("reason-dialog")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task Alice_InIndonesian_ReadsHerLinkedServicesInIndonesian()
    {
        await using var context = await fixture.NewContextAsync();
        await InLanguageAsync(context, "id");
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Alice);

        await page.GotoAsync("/linked-services");
        await Session.WaitForCircuitAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Layanan tertaut", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Google Assistant boleh melihat DEMO-CAM-0001" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("link-activity")).ToContainTextAsync("Aktivitas terbaru");
    }

    /// <summary>The language a person picked: the culture cookie the language picker writes.</summary>
    private Task InLanguageAsync(IBrowserContext context, string culture) =>
        context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = fixture.App.BaseAddress.ToString() }]);
}
