using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// The incident journey: an admin cuts off Google Assistant streams from the builder, bridges are denied at once, and
/// the lift takes a second admin. Decisions are checked through the real bridge API, not read off the pages.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class KillSwitchJourneyTests(DashboardFixture fixture)
{
    private const string Device = "DEMO-CAM-0001";

    [BrowserFact]
    public async Task FireFromBuilder_DeniesStreams_AndLiftNeedsASecondAdmin()
    {
        using var api = new DashboardApi(fixture.App.BaseAddress);
        var alice = await api.AccountIdAsync(DemoLogins.Alice);
        (await api.CheckAsync(DashboardApi.GoogleBridgeKey, alice, Device, "stream")).ShouldBe(("allow", "allowed"));
        var expected = await api.PreviewAsync(new { integration = "google-assistant", actions = new[] { "stream" } });

        try
        {
            await RunJourneyAsync(api, alice, expected);
        }
        finally
        {
            await api.LiftEverythingAsync();
        }
    }

    private async Task RunJourneyAsync(DashboardApi api, Guid alice, (long Accounts, long Devices, long Links) expected)
    {
        await using var adminContext = await fixture.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await Session.SignInAsync(admin, DemoLogins.Admin);

        // From the status board to the builder, pre-filled with the integration.
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Integrations" }).ClickAsync();
        var google = admin.Locator("[data-testid=integration][data-key=google-assistant]");
        await google.GetByTestId("build-kill-switch").ClickAsync();
        await admin.WaitForURLAsync(url => url.Contains("/admin/kill-switches/new?integration=google-assistant", StringComparison.Ordinal));

        // Only streams: untick the other actions; the blast radius follows.
        var radius = admin.GetByTestId("blast-radius");
        await Expect(radius).ToHaveAttributeAsync("data-state", "ready");
        foreach (var action in new[] { "snapshot", "events", "control" })
        {
            await admin.GetByRole(AriaRole.Checkbox, new() { Name = action, Exact = true }).ClickAsync();
        }
        await Expect(radius).ToContainTextAsync("Integration google-assistant · actions: stream");
        await Expect(radius).ToHaveAttributeAsync("data-state", "ready");
        await Expect(radius.Locator("[data-stat=radius-accounts]")).ToHaveTextAsync(expected.Accounts.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(radius.Locator("[data-stat=radius-devices]")).ToHaveTextAsync(expected.Devices.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(radius.Locator("[data-stat=radius-links]")).ToHaveTextAsync(expected.Links.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        expected.Devices.ShouldBeGreaterThanOrEqualTo(2, "alice's 0001 and bob's 0003 are exposed to Google");

        await admin.GetByLabel("Reason (required)").FillAsync("Google hubs show streams of other households' cameras");
        await admin.GetByTestId("incident").FillAsync("INC-2041");
        // The builder's picture (kill-switch-builder.png) is taken by KillSwitchNarrowingTests, with a model picked.

        // Typed confirmation: the fire button stays disabled until the word is typed.
        await admin.GetByTestId("review-fire").ClickAsync();
        var fire = admin.GetByTestId("confirm-fire");
        await Expect(fire).ToBeDisabledAsync();
        await admin.GetByLabel("Type FIRE to confirm").FillAsync("fire");
        await Expect(fire).ToBeEnabledAsync();
        await fire.ClickAsync();

        var fired = admin.GetByTestId("fired");
        await Expect(fired).ToContainTextAsync("Effective on every enforcement point");
        var points = await StatAsync(fired, "proof-points");
        points.ShouldBeGreaterThanOrEqualTo(1);
        (await StatAsync(fired, "proof-confirmed") + await StatAsync(fired, "proof-expired")).ShouldBe(points);
        (await StatAsync(fired, "fired-links")).ShouldBe(expected.Links);
        await Session.ScreenshotAsync(admin, "kill-switch-fired.png");

        // The moment the page says so, Google is denied streams; snapshots still work.
        (await api.CheckAsync(DashboardApi.GoogleBridgeKey, alice, Device, "stream")).ShouldBe(("deny", "kill_switch"));
        (await api.CheckAsync(DashboardApi.GoogleBridgeKey, alice, Device, "snapshot")).ShouldBe(("allow", "allowed"));

        await admin.GotoAsync("/admin/integrations");
        await Session.WaitForCircuitAsync(admin);
        await Expect(google.GetByTestId("affecting-switches")).ToContainTextAsync("Integration google-assistant · actions: stream");
        await Expect(admin.Locator("[data-testid=integration][data-key=ifttt]")).ToContainTextAsync("No kill switch");
        await Session.ScreenshotAsync(admin, "integrations-status-board.png");

        // First step of the lift: requested by the admin who fired; it still denies, and they cannot approve it.
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Kill switches" }).ClickAsync();
        var active = admin.GetByTestId("active-switches").GetByTestId("kill-switch").Filter(new() { HasText = "google-assistant" });
        await active.GetByTestId("request-lift").ClickAsync();
        await admin.GetByTestId("reason-dialog-reason").FillAsync("Partner deployed the cache fix; verified on three hubs");
        await admin.GetByTestId("reason-dialog-confirm").ClickAsync();
        await Expect(admin.GetByText("Lift requested.")).ToBeVisibleAsync();
        var pendingForAdmin = admin.GetByTestId("pending-lifts").GetByTestId("kill-switch").Filter(new() { HasText = "google-assistant" });
        await Expect(pendingForAdmin.GetByTestId("approve-lift")).ToBeDisabledAsync();
        await Expect(pendingForAdmin).ToContainTextAsync("another vendor admin must approve it");
        (await api.CheckAsync(DashboardApi.GoogleBridgeKey, alice, Device, "stream")).ShouldBe(("deny", "kill_switch"));
        await Session.ScreenshotAsync(admin, "kill-switches-pending-lift.png");

        // Second step, by another admin in their own session.
        await using var secondContext = await fixture.NewContextAsync();
        var second = await secondContext.NewPageAsync();
        await Session.SignInAsync(second, DemoLogins.Admin2);
        await second.GotoAsync("/admin/kill-switches");
        await Session.WaitForCircuitAsync(second);
        var pending = second.GetByTestId("pending-lifts").GetByTestId("kill-switch").Filter(new() { HasText = "google-assistant" });
        await Expect(pending).ToContainTextAsync("Partner deployed the cache fix");
        await pending.GetByTestId("approve-lift").ClickAsync();
        await Expect(second.GetByTestId("reason-dialog")).ToContainTextAsync("Integration google-assistant · actions: stream");
        await second.GetByTestId("reason-dialog-confirm").ClickAsync();
        await Expect(second.GetByText("Propagation completed")).ToBeVisibleAsync();
        await Expect(second.GetByTestId("lifted-switches")).ToContainTextAsync("google-assistant");

        (await api.CheckAsync(DashboardApi.GoogleBridgeKey, alice, Device, "stream")).ShouldBe(("allow", "allowed"));
    }

    private static async Task<long> StatAsync(ILocator scope, string name)
    {
        var text = await scope.Locator($"[data-stat={name}]").InnerTextAsync();
        return long.Parse(text.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }
}
