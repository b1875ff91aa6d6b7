using System.Globalization;
using System.Net.Http.Headers;
using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>Support staff reading the audit log (and checking its chain) and browsing the fleet.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AuditAndFleetPagesTests(DashboardFixture fixture)
{
    /// <summary>The pages write filters, sort and page into the address: wait for the address, not for a page load.</summary>
    private static readonly PageWaitForURLOptions AddressOnly = new() { WaitUntil = WaitUntilState.Commit };

    [BrowserFact]
    public async Task Support_FiltersTheAuditLog_AndVerifiesTheChain()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit log", Level = 1 })).ToBeVisibleAsync();
        await Session.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=audit-grid] tbody tr").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("audit-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[\d,]+ entries match\.$"));

        // The demo seeding wrote one entry about the fixture.
        await page.GetByTestId("filter-entity").FillAsync("demo_fixture");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("entity=demo_fixture", StringComparison.Ordinal), AddressOnly);
        await Expect(page.GetByTestId("audit-count")).ToHaveTextAsync("1 entry matches.");
        var rows = page.Locator("[data-testid=audit-grid] tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("demo_fixture.seeded");
        await Expect(rows.First).ToContainTextAsync("System");
        await Expect(rows.First).ToContainTextAsync("Demo data added");
        await Expect(rows.First.Locator("time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} UTC$"));
        var export = page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" });
        (await export.GetAttributeAsync("href") ?? "").ShouldContain("/export/audit.csv?entity=demo_fixture");

        await page.GetByRole(AriaRole.Button, new() { Name = "Verify chain" }).ClickAsync();

        var result = page.GetByTestId("verify-result");
        await Expect(result).ToContainTextAsync("The chain is intact");
        await Session.ScreenshotAsync(page, "audit-page.png");
    }

    [BrowserFact]
    public async Task Support_FiltersTheFleetByRegion_AndSeesTheCount()
    {
        var expected = await CountInExportAsync("/export/devices.csv?region=US");
        expected.ShouldBeGreaterThanOrEqualTo(1, "DEMO-CAM-0003 is in the US");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);

        await page.GetByRole(AriaRole.Link, new() { Name = "Devices", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Devices", Level = 1 })).ToBeVisibleAsync();
        await Session.WaitForCircuitAsync(page);
        var everything = DashboardAppProcess.GeneratedDevices + 4;
        await Expect(page.GetByTestId("fleet-count")).ToHaveTextAsync($"{everything.ToString("N0", CultureInfo.InvariantCulture)} devices match.");

        await page.GetByTestId("filter-region").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "US", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("region=US", StringComparison.Ordinal), AddressOnly);
        await Expect(page.GetByTestId("fleet-count")).ToHaveTextAsync(
            expected == 1 ? "1 device matches." : $"{expected.ToString("N0", CultureInfo.InvariantCulture)} devices match.");
        await Expect(page.Locator("[data-testid=fleet-grid] tbody tr")).ToHaveCountAsync(Math.Min(expected, 25));
        var regions = page.Locator("[data-testid=fleet-grid] tbody tr td:nth-child(5)");
        await Expect(regions.First).ToHaveTextAsync("US");
        (await regions.AllInnerTextsAsync()).ShouldAllBe(r => r.Trim() == "US");
        var serialLink = page.Locator("[data-testid=fleet-grid] tbody tr").First.Locator("td").First.Locator("a");
        (await serialLink.GetAttributeAsync("href") ?? "").ShouldStartWith("devices/");
        await Session.ScreenshotAsync(page, "fleet-list.png");
    }

    [BrowserFact]
    public async Task Support_FindsAFirmwareInTheVirtualizedList_AndFiltersByIt()
    {
        // The firmware list grows with the fleet: only the matches of what is typed are rendered, so the one sorting
        // last must be found by typing.
        var firmware = (await ColumnInExportAsync("/export/devices.csv", "firmware")).Distinct().Max(StringComparer.Ordinal)!;
        var expected = await CountInExportAsync($"/export/devices.csv?firmware={Uri.EscapeDataString(firmware)}");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);
        await page.GotoAsync("/devices");
        await Session.WaitForCircuitAsync(page);

        var box = page.GetByTestId("filter-firmware");
        await box.ClickAsync();
        await box.PressSequentiallyAsync(firmware);
        await page.GetByRole(AriaRole.Option, new() { Name = firmware, Exact = true }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("firmware=", StringComparison.Ordinal), AddressOnly);
        await Expect(page.GetByTestId("fleet-count")).ToHaveTextAsync(
            expected == 1 ? "1 device matches." : $"{expected.ToString("N0", CultureInfo.InvariantCulture)} devices match.");
        var shown = page.Locator("[data-testid=fleet-grid] tbody tr td:nth-child(4)");
        await Expect(shown.First).ToHaveTextAsync(firmware);
        (await shown.AllInnerTextsAsync()).ShouldAllBe(f => f.Trim() == firmware);
    }

    [BrowserFact]
    public async Task Support_PagesTheFleet_AndAReloadShowsTheSameView()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Support);
        await page.GotoAsync("/devices");
        await Session.WaitForCircuitAsync(page);
        var rows = page.Locator("[data-testid=fleet-grid] tbody tr");
        await Expect(rows).ToHaveCountAsync(25);

        // (Sorting by a header is not checked here: the order is PostgreSQL's, which interleaves some model names;
        // recorded on the MudBlazor issue.)
        var firstOfPageOne = (await rows.First.Locator("td").First.InnerTextAsync()).Trim();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("page=2", StringComparison.Ordinal), AddressOnly);
        await Expect(rows.First.Locator("td").First).Not.ToHaveTextAsync(firstOfPageOne);
        await Expect(rows).ToHaveCountAsync(25);
        await Expect(rows.Nth(24).Locator("td").First.GetByRole(AriaRole.Link)).ToBeVisibleAsync();
        var secondPage = await rows.Locator("td:first-child").AllInnerTextsAsync();

        await page.ReloadAsync();
        await Session.WaitForCircuitAsync(page);

        await Expect(rows.First.Locator("td").First).ToHaveTextAsync(secondPage[0]);
        await Expect(rows.Nth(24).Locator("td").First).ToHaveTextAsync(secondPage[24]);
        (await rows.Locator("td:first-child").AllInnerTextsAsync()).ShouldBe(secondPage);
        // The order itself is PostgreSQL's (its collation, not an ordinal comparison of the names shown), so it is
        // not re-checked here; the rows before and after the reload are the same, which is what the address promises.
    }

    [BrowserFact]
    public async Task Support_ReadsTheFleetInFrenchOnAPhone()
    {
        await using var context = await fixture.NewContextAsync(new() { Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await Session.SignInAsync(page, DemoLogins.Support);

        await page.GotoAsync("/devices?owned=false");
        await Session.WaitForCircuitAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Appareils", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("fleet-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[\d\u202f\u00a0 ]+ appareils? (correspond|correspondent)\.$"));
        var first = page.Locator("[data-testid=fleet-grid] tbody tr").First;
        await Expect(first.Locator("td").First.GetByRole(AriaRole.Link)).ToBeVisibleAsync();
        await Expect(first).ToContainTextAsync("Aucun propriétaire");
        // Secondary columns step aside on a phone; the serial, the model and the owner stay in view.
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Adresse MAC" })).ToBeHiddenAsync();
        var grid = await page.GetByTestId("fleet-grid").BoundingBoxAsync();
        var owner = await first.Locator("td").Last.BoundingBoxAsync();
        (owner!.X + owner.Width).ShouldBeLessThanOrEqualTo(grid!.X + grid.Width + 1, "the owner column is not cut off");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Exporter en CSV" })).ToBeVisibleAsync();
    }

    /// <summary>One column of an export, by its header name (the values here hold no commas or quotes).</summary>
    private async Task<List<string>> ColumnInExportAsync(string path, string column)
    {
        using var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "dev-support-token");
        var lines = (await client.GetStringAsync(path)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var index = Array.IndexOf(lines[0].Split(','), column);
        index.ShouldBeGreaterThanOrEqualTo(0, $"no {column} column in {lines[0]}");
        return lines.Skip(1).Select(l => l.Split(',')[index]).ToList();
    }

    /// <summary>What the export says for the same filter, read with the support token: the page must agree.</summary>
    private async Task<int> CountInExportAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "dev-support-token");
        var csv = await client.GetStringAsync(path);
        return csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
    }
}
