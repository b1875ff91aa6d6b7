using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// What support does all day: find a customer's camera, see who owns it and who can reach it, and move it to its new
/// owner. The only test in the collection that changes DEMO-CAM-0003.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SupportJourneyTests(DashboardFixture fixture)
{
    private const string Reason = "Bob sold the camera to Carol (ticket 4711)";

    [BrowserFact]
    public async Task Support_SearchesBob_OpensDemoCam0003_TransfersItToCarol_AndSeesTheTimelineAndAccessChange()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);

        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search devices and accounts" });
        await box.FillAsync("bob@demo.test");
        await box.PressAsync("Enter");
        var deviceLink = page.Locator("[data-testid=device-results]").GetByRole(AriaRole.Link, new() { Name = "DEMO-CAM-0003" });
        await Expect(deviceLink).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=account-results]")).ToContainTextAsync("bob@demo.test");
        await Session.ScreenshotAsync(page, "support-search.png");

        await deviceLink.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "DEMO-CAM-0003", Level = 1 })).ToBeVisibleAsync();
        await Session.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("device-owner")).ToHaveTextAsync("bob@demo.test");
        var access = page.GetByTestId("effective-access");
        await Expect(access.Locator("tbody tr").Filter(new() { HasText = "google-assistant" })).ToHaveCountAsync(4);
        await Expect(access.Locator("tbody tr").Filter(new() { HasText = "google-assistant" }).First).ToContainTextAsync("allowed");
        var entries = page.GetByTestId("timeline-entry");
        await Expect(entries).ToHaveCountAsync(1);

        await page.GetByTestId("transfer").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Transfer DEMO-CAM-0003 from bob@demo.test");
        // The reason is required: confirming without one changes nothing.
        await dialog.GetByTestId("reason-dialog-account").FillAsync("carol@demo.test");
        await dialog.GetByTestId("reason-dialog-account").PressAsync("Tab");
        await dialog.GetByTestId("reason-dialog-confirm").ClickAsync();
        await Expect(dialog.GetByText("Give a reason").First).ToBeVisibleAsync();
        await dialog.GetByTestId("reason-dialog-reason").FillAsync(Reason);
        await dialog.GetByTestId("reason-dialog-reason").PressAsync("Tab");
        // The message goes once the server has the reason: only then is the next submit about the email alone.
        await Expect(dialog.GetByText("Give a reason")).ToHaveCountAsync(0);
        // An email no account has is refused in the dialog, with nothing changed.
        await dialog.GetByTestId("reason-dialog-account").FillAsync("nobody@nowhere.test");
        await dialog.GetByTestId("reason-dialog-account").PressAsync("Tab");
        await dialog.GetByTestId("reason-dialog-confirm").ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("No account has the email");
        await dialog.GetByTestId("reason-dialog-account").FillAsync("carol@demo.test");
        await dialog.GetByTestId("reason-dialog-account").PressAsync("Tab");
        await dialog.GetByTestId("reason-dialog-confirm").ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("device-owner")).ToHaveTextAsync("carol@demo.test");
        await Expect(entries).ToHaveCountAsync(2);
        await Expect(entries.Last).ToHaveAttributeAsync("data-kind", "transferred");
        await Expect(entries.Last).ToContainTextAsync("Transferred from bob@demo.test to carol@demo.test");
        await Expect(entries.Last).ToContainTextAsync(Reason);
        await Expect(entries.Last).ToContainTextAsync("by support@demo.test");
        // Bob's services lost the camera; carol links only IFTTT, and has not shown it the camera yet.
        await Expect(access.Locator("tbody tr").Filter(new() { HasText = "google-assistant" })).ToHaveCountAsync(0);
        await Expect(access.Locator("tbody tr")).ToHaveCountAsync(4);
        await Expect(access.Locator("tbody tr").Filter(new() { HasText = "not_exposed" })).ToHaveCountAsync(4);

        // Who owned it yesterday? Bob, as the ledger says.
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByTestId("owner-at-input").FillAsync(yesterday);
        await page.GetByTestId("owner-at-input").PressAsync("Tab");
        await page.GetByTestId("owner-at-submit").ClickAsync();
        await Expect(page.GetByTestId("owner-at-result")).ToContainTextAsync("the owner was bob@demo.test");
        // The picture shows the page, not the toast that confirmed the transfer.
        await Expect(page.Locator(".rz-notification-item")).ToHaveCountAsync(0);

        await Session.ScreenshotAsync(page, "device-page.png");
    }
}
