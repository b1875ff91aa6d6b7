using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// Alice manages her linked services in the browser, and the decision API follows each change as soon as the page
/// confirms it: switching DEMO-CAM-0002 on for Google Assistant allows Google's next request; unlinking Alexa refuses
/// Alexa's next one.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LinkedServicesJourneyTests(DashboardFixture fixture)
{
    [BrowserFact]
    public async Task Alice_ExposesACameraAndUnlinksAlexa_DecisionsFollowAtOnce()
    {
        using var api = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        var alice = await AccountIdAsync(api, DemoLogins.Alice);
        (await CheckAsync(api, "dev-bridge-google-assistant", alice, "DEMO-CAM-0002")).ShouldBe("not_exposed");
        (await CheckAsync(api, "dev-bridge-alexa", alice, "DEMO-CAM-0001")).ShouldBe("allowed");

        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Alice);

        await page.GotoAsync("/cameras");
        await Session.WaitForCircuitAsync(page);
        var cameras = page.Locator("[data-testid=my-cameras] tbody tr");
        await Expect(cameras).ToHaveCountAsync(2);
        await Expect(cameras.First).ToContainTextAsync("DEMO-CAM-0001");

        await page.GetByRole(AriaRole.Link, new() { Name = "Linked services" }).First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/linked-services");
        await Session.WaitForCircuitAsync(page);
        var google = page.GetByTestId("linked-service-google-assistant");
        var alexa = page.GetByTestId("linked-service-alexa");
        await Expect(google).ToContainTextAsync("Google Assistant");
        await Expect(google.GetByTestId("linked-at")).ToContainTextAsync("months ago");
        await Expect(alexa).ToContainTextAsync("Amazon Alexa");
        var googleSeesCam2 = page.GetByRole(AriaRole.Switch, new() { Name = "Google Assistant may see DEMO-CAM-0002" });
        await Expect(googleSeesCam2).Not.ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Amazon Alexa may see DEMO-CAM-0002" })).ToBeCheckedAsync();

        await googleSeesCam2.ClickAsync();
        await Expect(page.GetByText("Saved: Google Assistant can now see DEMO-CAM-0002.")).ToBeVisibleAsync();

        (await CheckAsync(api, "dev-bridge-google-assistant", alice, "DEMO-CAM-0002")).ShouldBe("allowed");
        await Expect(googleSeesCam2).ToBeCheckedAsync();
        await Session.ScreenshotAsync(page, "linked-services.png");

        await alexa.GetByTestId("unlink-alexa").ClickAsync();
        var dialog = page.GetByTestId("reason-dialog");
        await Expect(page.GetByText("Unlink Amazon Alexa?")).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("Amazon Alexa can no longer reach any of your cameras.");
        await Expect(page.GetByTestId("reason-dialog-reason")).ToHaveCountAsync(0);   // a customer is not asked why
        (await CheckAsync(api, "dev-bridge-alexa", alice, "DEMO-CAM-0001")).ShouldBe("allowed");   // not before confirming
        await page.GetByTestId("reason-dialog-confirm").ClickAsync();
        await Expect(page.GetByText("Unlinked: Amazon Alexa can no longer reach your cameras.")).ToBeVisibleAsync();

        (await CheckAsync(api, "dev-bridge-alexa", alice, "DEMO-CAM-0001")).ShouldBe("not_linked");
        await Expect(alexa).ToHaveCountAsync(0);
        await Expect(google).ToBeVisibleAsync();
    }

    private static async Task<Guid> AccountIdAsync(HttpClient api, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/accounts?query={Uri.EscapeDataString(email)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "dev-support-token");
        using var response = await api.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return Guid.Parse(page["items"]!.AsArray().Single()!["id"]!.GetValue<string>());
    }

    private static async Task<string> CheckAsync(HttpClient api, string bridgeKey, Guid account, string device)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/access/check")
        {
            Content = JsonContent.Create(new { account, device, action = "stream" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bridgeKey);
        using var response = await api.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonNode.Parse(body)!["reason"]!.GetValue<string>();
    }
}
