using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>Firing a switch on a phone-sized screen, and in French; the fired scope is read back through the API.</summary>
[Collection(DashboardCollection.Name)]
public sealed class KillSwitchPhoneAndFrenchTests(DashboardFixture fixture)
{
    [BrowserFact]
    public async Task Phone_FiresARegionSwitch_WithEveryControlOnScreen()
    {
        await KillSwitchTestRun.LiftingAfterwardsAsync(fixture, async (api, context) =>
        {
            var page = await KillSwitchNarrowingTests.OpenBuilderAsync(context, phone: true);

            var picker = new KillSwitchNarrowingTests.Picker(page, "regions");
            var region = await picker.UniqueOptionAsync();
            await KillSwitchNarrowingTests.PickByMouseAsync(picker, region, search: false);
            await Expect(page.GetByTestId("blast-radius")).ToContainTextAsync($"regions: {region}");
            await page.GetByLabel("Reason (required)").FillAsync("Streams reach the wrong households");

            var review = page.GetByTestId("review-fire");
            await review.ScrollIntoViewIfNeededAsync();
            await WithinPhoneWidthAsync(review);
            await WithinPhoneWidthAsync(page.GetByTestId("blast-radius"));
            await review.ClickAsync();
            await page.GetByLabel("Type FIRE to confirm").FillAsync("FIRE");
            var fire = page.GetByTestId("confirm-fire");
            await Expect(fire).ToBeInViewportAsync();
            await WithinPhoneWidthAsync(fire);
            await fire.ClickAsync();

            await Expect(page.GetByTestId("fired")).ToContainTextAsync("Effective on every enforcement point");
            await WithinPhoneWidthAsync(page.GetByTestId("fired"));
            var id = Guid.Parse(await page.GetByTestId("fired-id").InnerTextAsync());
            var scope = await api.ActiveScopeAsync(id);
            scope.GetProperty("regions").EnumerateArray().Select(v => v.GetString()).ShouldBe([region]);
        });
    }

    [BrowserFact]
    public async Task French_BuildsConfirmsAndFires_InFrench()
    {
        await KillSwitchTestRun.LiftingAfterwardsAsync(fixture, async (api, context) =>
        {
            await context.AddCookiesAsync([new Cookie
            {
                Name = ".AspNetCore.Culture", Value = "c=fr|uic=fr", Url = fixture.App.BaseAddress.ToString(),
            }]);
            var page = await context.NewPageAsync();
            await Session.SignInAsync(page, DemoLogins.Admin);
            await page.GotoAsync("/admin/kill-switches/new?integration=google-assistant");
            await Session.WaitForCircuitAsync(page);

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nouveau coupe-circuit", Level = 1 })).ToBeVisibleAsync();
            var radius = page.GetByTestId("blast-radius");
            await Expect(radius).ToHaveAttributeAsync("data-state", "ready");
            await Expect(radius).ToContainTextAsync("Rayon d’impact");
            await page.GetByRole(AriaRole.Checkbox, new() { Name = "control", Exact = true }).ClickAsync();
            await Expect(radius).ToContainTextAsync("Intégration google-assistant · actions : stream, snapshot, events");
            await Expect(radius).ToContainTextAsync("Couperait");

            await page.GetByLabel("Motif (obligatoire)").FillAsync("Les flux atteignent d’autres foyers");
            await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier et déclencher…" }).ClickAsync();
            await Expect(page.GetByTestId("confirm-scope")).ToHaveTextAsync("Intégration google-assistant · actions : stream, snapshot, events");
            await page.GetByLabel("Tapez FIRE pour confirmer").FillAsync("FIRE");
            await page.GetByRole(AriaRole.Button, new() { Name = "Déclencher le coupe-circuit" }).ClickAsync();

            var fired = page.GetByTestId("fired");
            await Expect(fired).ToContainTextAsync("Coupe-circuit déclenché");
            await Expect(fired).ToContainTextAsync("Effectif sur chaque point d’application");
            await Expect(page.GetByTestId("fired-scope")).ToHaveTextAsync("Intégration google-assistant · actions : stream, snapshot, events");
            var id = Guid.Parse(await page.GetByTestId("fired-id").InnerTextAsync());
            var scope = await api.ActiveScopeAsync(id);
            scope.GetProperty("actions").EnumerateArray().Select(v => v.GetString()).ShouldBe(["stream", "snapshot", "events"]);
        });
    }

    private static async Task WithinPhoneWidthAsync(ILocator element)
    {
        var box = (await element.BoundingBoxAsync())!;
        box.X.ShouldBeGreaterThanOrEqualTo(0);
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(390, "nothing is clipped at the right of a 390 px screen");
    }
}
