using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// A vendor admin erases a customer account from its page: refused with a readable reason while it owns cameras, then,
/// once they are released, erased, and the page shows the pseudonym. Uses a generated account no other test names.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AccountErasureTests(DashboardFixture fixture)
{
    [BrowserFact]
    public async Task Admin_ErasesAGeneratedAccount_AfterItsCamerasAreReleased()
    {
        using var api = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "dev-admin-token");
        var (accountId, email) = await GeneratedAccountWithCamerasAsync(api);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Admin);

        await page.GotoAsync($"/accounts/{accountId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = email, Level = 1 })).ToBeVisibleAsync();
        await Session.WaitForCircuitAsync(page);
        await page.GetByTestId("erase").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("cannot be undone");
        // No reason, no erasure.
        await dialog.GetByTestId("reason-dialog-confirm").ClickAsync();
        await Expect(dialog).ToContainTextAsync("Give a reason");
        await dialog.GetByTestId("reason-dialog-reason").FillAsync("Customer asked to be forgotten");
        await dialog.GetByTestId("reason-dialog-confirm").ClickAsync();
        await Expect(page.GetByTestId("erasure-problem")).ToContainTextAsync("release them first");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = email, Level = 1 })).ToBeVisibleAsync();

        await ReleaseCamerasAsync(api, accountId);
        await page.ReloadAsync();
        await Session.WaitForCircuitAsync(page);
        await page.GetByTestId("erase").ClickAsync();
        await dialog.GetByTestId("reason-dialog-reason").FillAsync("Customer asked to be forgotten, cameras released");
        await dialog.GetByTestId("reason-dialog-confirm").ClickAsync();

        var pseudonym = "erased account " + accountId.ToString("N")[..8];
        await Expect(page.GetByTestId("erasure-result")).ToContainTextAsync(pseudonym, new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = pseudonym, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("account-status")).ToContainTextAsync("erased");
        await Expect(page.GetByTestId("erase")).ToHaveCountAsync(0);
        (await page.ContentAsync()).ShouldNotContain(email);
    }

    /// <summary>The last generated (not demo) account, by email, that owns one to three cameras.</summary>
    private static async Task<(Guid Id, string Email)> GeneratedAccountWithCamerasAsync(HttpClient api)
    {
        var page = await api.GetFromJsonAsync<JsonObject>("/api/v1/accounts?pageSize=100");
        var account = page!["items"]!.AsArray().Select(i => i!.AsObject())
            .Last(a => !a["email"]!.GetValue<string>().EndsWith("@demo.test", StringComparison.Ordinal)
                && a["deviceCount"]!.GetValue<int>() is >= 1 and <= 3);
        return (Guid.Parse(account["id"]!.GetValue<string>()), account["email"]!.GetValue<string>());
    }

    private static async Task ReleaseCamerasAsync(HttpClient api, Guid accountId)
    {
        var devices = await api.GetFromJsonAsync<JsonObject>($"/api/v1/devices?query={accountId}&pageSize=100");
        foreach (var device in devices!["items"]!.AsArray().Select(d => d!.AsObject()))
        {
            var serial = device["serial"]!.GetValue<string>();
            var detail = await api.GetFromJsonAsync<JsonObject>($"/api/v1/devices/{serial}");
            using var released = await api.PostAsJsonAsync($"/api/v1/devices/{serial}/release", new
            {
                reason = "released before erasure",
                expectedOwnershipVersion = detail!["ownershipVersion"]!.GetValue<long>(),
            });
            released.EnsureSuccessStatusCode();
        }
    }
}
