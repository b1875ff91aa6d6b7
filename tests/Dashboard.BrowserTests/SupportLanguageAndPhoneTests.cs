using System.Globalization;
using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// Support's search and device pages on a phone (390x844), in French and in Indonesian, and the owner-at-a-moment
/// dates: read in the person's format, refused with the format when they are not, never silently cleared.
/// Reads only devices no other test changes (alice's).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SupportLanguageAndPhoneTests(DashboardFixture fixture)
{
    [BrowserFact]
    public async Task Phone_SearchesAlice_OpensHerCamera_KeyFactsAndActionsStayOnScreen()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await Session.SignInAsync(page, DemoLogins.Support);

        await SupportPages.SearchAsync(page, "alice@demo.test");
        var device = page.GetByTestId("device-results").GetByRole(AriaRole.Link, new() { Name = "DEMO-CAM-0001" });
        await Expect(device).ToBeVisibleAsync();
        await Expect(page.GetByTestId("device-results").GetByRole(AriaRole.Link, new() { Name = "alice@demo.test" }).First).ToBeVisibleAsync();
        await ExpectNoSidewaysScrollAsync(page);

        await device.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "DEMO-CAM-0001", Level = 1 })).ToBeVisibleAsync();
        await Session.WaitForCircuitAsync(page);
        await ExpectInsideViewportAsync(page.GetByTestId("transfer"));
        await ExpectInsideViewportAsync(page.GetByTestId("release"));
        var allowed = page.GetByTestId("effective-access").Locator("[data-reason=allowed]").First;
        await allowed.ScrollIntoViewIfNeededAsync();
        await ExpectInsideViewportAsync(allowed);
        await ExpectNoSidewaysScrollAsync(page);
    }

    [BrowserFact]
    public async Task French_SearchAndDevicePage_ReadInFrench_AndADateTypedDayFirstIsRead()
    {
        await using var context = await fixture.NewContextAsync();
        await SupportPages.UseLanguageAsync(context, fixture.App.BaseAddress, "fr");
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);
        await page.GotoAsync("/search");
        await Session.WaitForCircuitAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recherche", Level = 1 })).ToBeVisibleAsync();
        await SupportPages.SearchAsync(page, "alice@demo.test");
        await Expect(page.GetByTestId("search-count")).ToHaveTextAsync("2 appareils et 1 compte trouvés.");
        await page.GetByTestId("device-results").GetByRole(AriaRole.Link, new() { Name = "DEMO-CAM-0002" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "DEMO-CAM-0002", Level = 1 })).ToBeVisibleAsync();
        await Session.WaitForCircuitAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accès effectif" })).ToBeVisibleAsync();
        // alice shows DEMO-CAM-0002 to Alexa, not to Google Assistant: said in French, with the link to her choices.
        var notShown = page.GetByTestId("effective-access").Locator("[data-reason=not_exposed]").First;
        await Expect(notShown).ToContainTextAsync("Refusé : alice@demo.test n’a pas montré cette caméra à Google Assistant.");
        await Expect(notShown.GetByRole(AriaRole.Link, new() { Name = "Services associés de alice@demo.test" })).ToBeVisibleAsync();

        // A day after the 12th, typed day first: only a day-first reading makes it a date.
        var day = DayAfterTheTwelfth(DateTime.UtcNow.AddDays(-20));
        await SupportPages.OwnerAtAsync(page, day, "fr");
        await Expect(page.GetByTestId("owner-at-result")).ToContainTextAsync("le propriétaire était alice@demo.test");
    }

    [BrowserFact]
    public async Task Indonesian_DevicePage_ReadsInIndonesian()
    {
        await using var context = await fixture.NewContextAsync();
        await SupportPages.UseLanguageAsync(context, fixture.App.BaseAddress, "id");
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);
        await page.GotoAsync("/devices/DEMO-CAM-0002");
        await Session.WaitForCircuitAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Akses efektif" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Riwayat kepemilikan" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("effective-access").Locator("[data-reason=not_exposed]").First)
            .ToContainTextAsync("Ditolak: alice@demo.test belum menampilkan kamera ini ke Google Assistant.");
        await Expect(page.GetByTestId("timeline-entry").First).ToContainTextAsync("mengklaimnya untuk alice@demo.test");
    }

    [BrowserFact]
    public async Task English_DateTypedDayFirst_IsRefusedWithTheFormat_AndStaysToBeCorrected()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);
        await page.GotoAsync("/devices/DEMO-CAM-0001");
        await Session.WaitForCircuitAsync(page);

        var typed = DayAfterTheTwelfth(DateTime.UtcNow.AddDays(-20)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        await SupportPages.TypeDateAsync(page, typed);
        await page.GetByTestId("owner-at-submit").ClickAsync();

        await Expect(page.GetByTestId("owner-at-result")).ToContainTextAsync($"“{typed}” is not a date in the format M/d/yyyy");
        await Expect(page.GetByTestId("owner-at-date")).ToHaveValueAsync(typed);
    }

    [BrowserFact]
    public async Task MomentStillToCome_IsRefused_NeverGivenAnOwner()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);
        await page.GotoAsync("/devices/DEMO-CAM-0001");
        await Session.WaitForCircuitAsync(page);

        await SupportPages.OwnerAtAsync(page, DateTime.UtcNow.AddDays(30), "en");

        await Expect(page.GetByTestId("owner-at-result")).ToContainTextAsync("is still to come");
        await Expect(page.GetByTestId("owner-at-result")).Not.ToContainTextAsync("the owner was");
    }

    private static DateTime DayAfterTheTwelfth(DateTime from)
    {
        var day = from;
        while (day.Day <= 12)
        {
            day = day.AddDays(-1);
        }
        return day;
    }

    private static async Task ExpectInsideViewportAsync(ILocator element)
    {
        var box = await element.BoundingBoxAsync();
        box.ShouldNotBeNull();
        (box.X >= 0 && box.X + box.Width <= 390).ShouldBeTrue($"{element} is at x={box.X}, width {box.Width}: not within 390 pixels");
    }

    /// <summary>Nothing in the page pushes it wider than the phone: no column or button hides off to the right.</summary>
    private static async Task ExpectNoSidewaysScrollAsync(IPage page)
    {
        var widest = await page.EvaluateAsync<double>(
            "() => Math.max(...[...document.querySelectorAll('.page-island *')].map(e => e.getBoundingClientRect().right))");
        widest.ShouldBeLessThanOrEqualTo(390.5);
    }
}
