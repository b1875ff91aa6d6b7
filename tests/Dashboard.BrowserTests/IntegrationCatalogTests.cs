using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>A vendor admin adds an integration and issues its bridge key; the key, shown once, works at once.</summary>
[Collection(DashboardCollection.Name)]
public sealed class IntegrationCatalogTests(DashboardFixture fixture)
{
    [BrowserFact]
    public async Task Admin_AddsAnIntegrationAndIssuesAKey_TheBridgeCanCallWithIt()
    {
        var key = "browser-" + Guid.NewGuid().ToString("N")[..8];
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Admin);
        await page.GotoAsync("/admin/integration-catalog");
        await Session.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("integration-grid")).ToContainTextAsync("google-assistant");

        await page.GetByTestId("add-integration").ClickAsync();
        await page.GetByTestId("integration-key").FillAsync(key);
        await page.GetByTestId("integration-name").FillAsync("Browser Bridge");
        await page.GetByTestId("integration-save").ClickAsync();
        await Expect(page.GetByTestId("integration-grid")).ToContainTextAsync(key);

        await page.GetByTestId($"keys-{key}").ClickAsync();
        await page.GetByTestId("issue-bridge-key").ClickAsync();
        var secretBox = page.GetByTestId("bridge-key-secret");
        await Expect(secretBox).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^fdb_"));
        var secret = await secretBox.InputValueAsync();
        await Expect(page.GetByTestId("secret-once-warning")).ToContainTextAsync("you will not see it again");
        await Session.ScreenshotAsync(page, "integration-catalog.png");
        await page.GetByTestId("bridge-keys-done").ClickAsync();
        await Expect(page.GetByTestId("integration-grid")).ToContainTextAsync("1 in use");

        using var api = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/access/check")
        {
            Content = JsonContent.Create(new { account = Guid.NewGuid(), device = "NOPE-0000", action = "stream" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await api.SendAsync(request);
        ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync());
    }
}
