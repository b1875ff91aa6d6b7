using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// Pages that show what another admin can change follow it without a reload: the kill switch list (a switch fired
/// elsewhere, a lift approved by the second admin) and the integrations status board.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class KillSwitchLiveTests(DashboardFixture fixture)
{
    /// <summary>The pages read again every 5 s; a generous bound for a busy machine.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 30_000 };

    [BrowserFact]
    public async Task RequestersPage_LeavesPending_WhenTheSecondAdminApproves_WithoutReload()
    {
        using var api = new DashboardApi(fixture.App.BaseAddress);
        try
        {
            await using var adminContext = await fixture.NewContextAsync();
            var admin = await adminContext.NewPageAsync();
            await Session.SignInAsync(admin, DemoLogins.Admin);
            await admin.GotoAsync("/admin/kill-switches");
            await Session.WaitForCircuitAsync(admin);
            await MarkAsync(admin);

            // Fired elsewhere (through the API) after the page was opened: it shows up among the active switches.
            var id = await FireAsync("DEMO-CAM-0002", "Live list check");
            var card = admin.Locator($"[data-testid=kill-switch][data-id='{id}']");
            await Expect(admin.GetByTestId("active-switches").Locator($"[data-id='{id}']")).ToBeVisibleAsync(Live);

            await card.GetByTestId("request-lift").ClickAsync();
            await admin.GetByTestId("reason-dialog-reason").FillAsync("Bridge fixed; verified");
            await admin.GetByTestId("reason-dialog-confirm").ClickAsync();
            await Expect(admin.GetByTestId("pending-lifts").Locator($"[data-id='{id}']")).ToBeVisibleAsync();
            await Expect(card.GetByTestId("approve-lift")).ToBeDisabledAsync();

            // The second admin, in a session of their own, approves.
            await using var secondContext = await fixture.NewContextAsync();
            var second = await secondContext.NewPageAsync();
            await Session.SignInAsync(second, DemoLogins.Admin2);
            await second.GotoAsync("/admin/kill-switches");
            await Session.WaitForCircuitAsync(second);
            await second.GetByTestId("pending-lifts").Locator($"[data-id='{id}']").GetByTestId("approve-lift").ClickAsync();
            await second.GetByTestId("reason-dialog-confirm").ClickAsync();
            await Expect(second.GetByText("Propagation completed")).ToBeVisibleAsync();

            // The requester's page, untouched, no longer says pending and lists the switch as lifted.
            await Expect(admin.GetByTestId("pending-lifts").Locator($"[data-id='{id}']")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
            await Expect(admin.GetByTestId("lifted-switches")).ToContainTextAsync("DEMO-CAM-0002");
            (await StillSamePageAsync(admin)).ShouldBeTrue("the page updated itself; it was not reloaded");
        }
        finally
        {
            await api.LiftEverythingAsync();
        }
    }

    [BrowserFact]
    public async Task StatusBoard_ShowsASwitchFiredElsewhere_WithoutReload()
    {
        await KillSwitchTestRun.LiftingAfterwardsAsync(fixture, async (api, context) =>
        {
            var page = await context.NewPageAsync();
            await Session.SignInAsync(page, DemoLogins.Admin2);
            await page.GotoAsync("/admin/integrations");
            await Session.WaitForCircuitAsync(page);
            await MarkAsync(page);
            var ifttt = page.Locator("[data-testid=integration][data-key=ifttt]");
            await Expect(ifttt.GetByTestId("switch-count")).ToHaveTextAsync("No kill switch");

            await FireAsync("DEMO-CAM-0004", "Live board check", integration: "ifttt");

            await Expect(ifttt.GetByTestId("switch-count")).ToHaveTextAsync("1 kill switch", new() { Timeout = 30_000 });
            await Expect(ifttt.GetByTestId("affecting-switches")).ToContainTextAsync("Integration ifttt · devices: DEMO-CAM-0004");
            (await StillSamePageAsync(page)).ShouldBeTrue("the board updated itself; it was not reloaded");
        });
    }

    // A mark in the page's window: a reload or a navigation would clear it.
    private static Task MarkAsync(IPage page) => page.EvaluateAsync("() => { window.__sameDocument = true; }");

    private static Task<bool> StillSamePageAsync(IPage page) => page.EvaluateAsync<bool>("() => window.__sameDocument === true");

    private async Task<Guid> FireAsync(string device, string reason, string integration = "google-assistant")
    {
        using var http = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/kill-switches")
        {
            Content = JsonContent.Create(new { scope = new { integration, devices = new[] { device } }, reason }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DashboardApi.AdminToken);
        using var response = await http.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
