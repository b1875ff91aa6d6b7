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

        await SupportPages.SearchAsync(page, "bob@demo.test");
        var deviceLink = page.GetByTestId("device-results").GetByRole(AriaRole.Link, new() { Name = "DEMO-CAM-0003" });
        await Expect(deviceLink).ToBeVisibleAsync();
        await Expect(page.GetByTestId("account-results")).ToContainTextAsync("bob@demo.test");
        await Session.ScreenshotAsync(page, "support-search.png");

        await deviceLink.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "DEMO-CAM-0003", Level = 1 })).ToBeVisibleAsync();
        await Session.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("device-owner")).ToHaveTextAsync("bob@demo.test");
        var access = page.GetByTestId("effective-access");
        var google = access.Locator("tbody tr:has([data-integration=google-assistant])");
        await Expect(google).ToHaveCountAsync(4);
        await Expect(google.First.GetByTestId("reason-text")).ToHaveAttributeAsync("data-reason", "allowed");
        await Expect(google.First).ToContainTextAsync("Allowed: Google Assistant is linked");
        // Words, never the raw code.
        await Expect(access).Not.ToContainTextAsync("not_exposed");
        var entries = page.GetByTestId("timeline-entry");
        await Expect(entries).ToHaveCountAsync(1);

        // The current owner is refused in words in the confirmation, which keeps the reason typed: nothing changes.
        await page.GetByTestId("transfer").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Transfer DEMO-CAM-0003 from bob@demo.test");
        await dialog.GetByTestId("reason-dialog-account").FillAsync("bob@demo.test");
        await dialog.GetByTestId("reason-dialog-reason").FillAsync(Reason);
        await dialog.GetByTestId("reason-dialog-confirm").ClickAsync();
        await Expect(dialog.GetByTestId("reason-dialog-refusal")).ToHaveTextAsync("Not done: DEMO-CAM-0003 is already owned by bob@demo.test. A transfer needs another account.");
        await Expect(dialog.GetByTestId("reason-dialog-reason")).ToHaveValueAsync(Reason);
        await dialog.GetByTestId("reason-dialog-cancel").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("device-owner")).ToHaveTextAsync("bob@demo.test");
        await Expect(entries).ToHaveCountAsync(1);

        // An email no account has is refused in the dialog, with nothing changed and the reason kept; cancelled.
        await page.GetByTestId("transfer").ClickAsync();
        await dialog.GetByTestId("reason-dialog-reason").FillAsync(Reason);
        await dialog.GetByTestId("reason-dialog-account").FillAsync("nobody@nowhere.test");
        await dialog.GetByTestId("reason-dialog-confirm").ClickAsync();
        await Expect(dialog).ToContainTextAsync("No account has the email");
        await Expect(dialog.GetByTestId("reason-dialog-reason")).ToHaveValueAsync(Reason);
        await dialog.GetByTestId("reason-dialog-cancel").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await page.GetByTestId("transfer").ClickAsync();
        // The reason is required: confirming without one changes nothing.
        await dialog.GetByTestId("reason-dialog-account").FillAsync("carol@demo.test");
        await dialog.GetByTestId("reason-dialog-confirm").ClickAsync();
        await Expect(dialog.GetByText("Give a reason").First).ToBeVisibleAsync();
        await dialog.GetByTestId("reason-dialog-reason").FillAsync(Reason);
        await Expect(dialog.GetByText("Give a reason")).ToHaveCountAsync(0);
        await dialog.GetByTestId("reason-dialog-confirm").ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("device-owner")).ToHaveTextAsync("carol@demo.test");
        await Expect(entries).ToHaveCountAsync(2);
        await Expect(entries.Last).ToHaveAttributeAsync("data-kind", "transferred");
        // One sentence: who did it, from and to whom; then why.
        await Expect(entries.Last).ToContainTextAsync("support@demo.test transferred it from bob@demo.test to carol@demo.test.");
        await Expect(entries.Last).ToContainTextAsync(Reason);
        // Bob's services lost the camera; carol links only IFTTT, and has not shown it the camera yet.
        await Expect(access.Locator("tbody tr:has([data-integration=google-assistant])")).ToHaveCountAsync(0);
        await Expect(access.Locator("tbody tr")).ToHaveCountAsync(4);
        var notShown = access.Locator("[data-reason=not_exposed]");
        await Expect(notShown).ToHaveCountAsync(4);
        await Expect(notShown.First).ToContainTextAsync("Denied: carol@demo.test has not shown this camera to IFTTT.");
        // The sentence links to where carol's choices are made.
        await Expect(notShown.First.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("accounts/[0-9a-f-]{36}/links$"));

        // Who owned it yesterday? Bob, as the ledger says.
        await SupportPages.OwnerAtAsync(page, DateTime.UtcNow.AddDays(-1), "en");
        await Expect(page.GetByTestId("owner-at-result")).ToContainTextAsync("the owner was bob@demo.test");

        await Session.ScreenshotAsync(page, "device-page.png");
    }
}
