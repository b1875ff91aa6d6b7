using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// PostgreSQL stops while a signed-in person works in the interactive pages: what they do next shows a readable message
/// in the page (not a dead page), and once PostgreSQL is back the same thing works in the same document, without a reload.
/// </summary>
[Collection(OwnDatabaseCollection.Name)]
public sealed class DatabaseOutageJourneyTests(OwnDatabaseFixture fixture)
{
    private const string StillTheSameDocument = "window.__outageJourney";

    [BrowserFact]
    public async Task Support_PagesAndOpens_WhilePostgresIsStopped_SeesAMessage_ThenCarriesOn()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            // The 503 of a page opened during the outage is logged by the browser as a failed load: expected here.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                consoleErrors.Add(message.Text);
            }
        };
        await Session.SignInAsync(page, DemoLogins.Support);
        await page.GetByRole(AriaRole.Link, new() { Name = "Devices", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Devices", Level = 1 })).ToBeVisibleAsync();
        await Session.WaitForCircuitAsync(page);
        var rows = page.Locator("[data-testid=fleet-grid] tbody tr");
        await Expect(rows).ToHaveCountAsync(25);
        var firstSerial = (await rows.First.Locator("td").First.InnerTextAsync()).Trim();
        // A reload would lose this: its presence at the end shows everything happened in the same document and circuit.
        await page.EvaluateAsync($"() => {StillTheSameDocument} = true");
        var unavailable = page.GetByTestId("database-unavailable");

        // Paging the grid while PostgreSQL is stopped.
        await fixture.StopPostgresAsync();
        await PageTwo(page).ClickAsync();
        await Expect(unavailable).ToBeVisibleAsync();
        await Expect(unavailable).ToContainTextAsync("The database is unavailable");
        await Expect(unavailable).ToContainTextAsync("Try again shortly");

        // Back: "Try again" shows the list again. (Paging the list again in the same page after the retry does not
        // move to the next page yet with the server grid: a known defect, recorded on the MudBlazor issue.)
        await fixture.StartPostgresAsync();
        await unavailable.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Expect(unavailable).ToHaveCountAsync(0);
        await Expect(rows.First.Locator("td").First).ToHaveTextAsync(firstSerial);
        await Expect(rows).ToHaveCountAsync(25);

        // Opening a device while PostgreSQL is stopped.
        var serial = (await rows.First.Locator("td").First.InnerTextAsync()).Trim();
        await fixture.StopPostgresAsync();
        await rows.First.Locator("td").First.Locator("a").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/devices/" + serial, StringComparison.Ordinal));
        // A page opened is prerendered by its request (every page is an island under a static layout): the request
        // answers 503 with the message and a link to load the page again, shown in place by the enhanced navigation.
        await Expect(unavailable).ToBeVisibleAsync();

        await fixture.StartPostgresAsync();
        await unavailable.GetByRole(AriaRole.Link, new() { Name = "Reload this page" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = serial, Level = 1 })).ToBeVisibleAsync();
        await Expect(unavailable).ToHaveCountAsync(0);

        // (Searching while PostgreSQL is stopped shows no message yet with the search box's suggestions: a known
        // defect, recorded on the MudBlazor issue.)

        (await page.EvaluateAsync<bool>($"() => {StillTheSameDocument} === true")).ShouldBeTrue("the page was reloaded");
        consoleErrors.ShouldBeEmpty("the circuit reported an error");
    }

    private static ILocator PageTwo(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Next page" });
}
