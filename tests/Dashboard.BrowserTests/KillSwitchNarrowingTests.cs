using System.Text.Json;
using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// Narrowing a switch by the fleet's values in the builder, by mouse and by keyboard, and what was fired as the API
/// reads it back: exactly the value picked, nothing wider.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class KillSwitchNarrowingTests(DashboardFixture fixture)
{
    [BrowserFact]
    public async Task ModelPickedByMouse_IsTheFiredScope()
    {
        await NarrowAndFireAsync("models", "Every model", "models", async (page, picker) =>
        {
            await picker.ClickAsync();
            var option = page.GetByRole(AriaRole.Option).Nth(1);
            var name = (await option.GetAttributeAsync("aria-label"))!;
            await option.ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "New kill switch" }).ClickAsync();
            return name;
        }, screenshot: "kill-switch-builder.png");
    }

    [BrowserFact]
    public async Task FirmwarePickedByKeyboard_OpenedWithEnter_IsTheFiredScope()
    {
        await NarrowAndFireAsync("firmware", "Every firmware version", "firmware", (page, picker) => PickByKeyboardAsync(page, picker, "Enter"));
    }

    [BrowserFact]
    public async Task RegionPickedByKeyboard_OpenedWithSpace_IsTheFiredScope()
    {
        await NarrowAndFireAsync("regions", "Every region", "regions", (page, picker) => PickByKeyboardAsync(page, picker, "Space"));
    }

    [BrowserFact]
    public async Task ReviewWithoutReason_ThenReasonTyped_ClearsRequiredAndNothingFired()
    {
        using var api = new DashboardApi(fixture.App.BaseAddress);
        var switchesBefore = await api.KillSwitchCountAsync();
        await using var context = await fixture.NewContextAsync();
        var page = await OpenBuilderAsync(context);

        await page.GetByTestId("review-fire").ClickAsync();
        var required = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Required." });
        await Expect(required).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("fire-problem")).ToContainTextAsync("Nothing was fired");

        await page.GetByLabel("Reason (required)").FillAsync("Streams reach the wrong households");

        await Expect(required).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("fire-problem")).ToHaveCountAsync(0);

        // Nor do they come back behind the confirmation; cancelling it fires nothing.
        await page.GetByTestId("review-fire").ClickAsync();
        await Expect(page.GetByTestId("confirm-scope")).ToContainTextAsync("Integration google-assistant");
        await Expect(required).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("fire-problem")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.GetByTestId("confirm-scope")).ToHaveCountAsync(0);
        (await api.KillSwitchCountAsync()).ShouldBe(switchesBefore);

        // Emptied again after a review, the field says so again at once; the fire button's message waits for a review.
        await page.GetByLabel("Reason (required)").FillAsync("");
        await Expect(required).ToHaveCountAsync(1);
    }

    /// <summary>
    /// Keyboard only: focus the picker, open it with <paramref name="openKey"/>, type to filter, move to the option
    /// with the arrow and choose it with Enter (Space would type into the filter).
    /// </summary>
    private static async Task<string> PickByKeyboardAsync(IPage page, ILocator picker, string openKey)
    {
        await picker.FocusAsync();
        await page.Keyboard.PressAsync(openKey);
        var options = page.GetByRole(AriaRole.Option);
        await Expect(options.First).ToBeVisibleAsync();
        var names = new List<string>();
        foreach (var option in await options.AllAsync())
        {
            names.Add((await option.GetAttributeAsync("aria-label"))!);
        }
        // A value no other value contains, so typing it leaves one option.
        var name = names.Last(n => names.Count(other => other.Contains(n, StringComparison.OrdinalIgnoreCase)) == 1);
        await page.Keyboard.TypeAsync(name);
        await Expect(options).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Escape");
        return name;
    }

    private async Task NarrowAndFireAsync(
        string testId, string placeholder, string scopeProperty, Func<IPage, ILocator, Task<string>> pick, string? screenshot = null)
    {
        using var api = new DashboardApi(fixture.App.BaseAddress);
        try
        {
            await using var context = await fixture.NewContextAsync();
            var page = await OpenBuilderAsync(context);
            var picker = page.GetByTestId(testId);
            await Expect(picker).ToContainTextAsync(placeholder);

            var picked = await pick(page, picker);

            await Expect(picker).ToContainTextAsync(picked);
            await Expect(picker).Not.ToContainTextAsync(placeholder);
            var radius = page.GetByTestId("blast-radius");
            await Expect(radius).ToContainTextAsync($"{scopeProperty}: {picked}");
            // The words first: if the count fails, the assertion shows the panel's message rather than just its state.
            await Expect(radius).ToContainTextAsync("Would cut off");
            await Expect(radius).ToHaveAttributeAsync("data-state", "ready");

            await page.GetByLabel("Reason (required)").FillAsync("Streams from this camera reach the wrong household");
            if (screenshot is not null)
            {
                await Session.ScreenshotAsync(page, screenshot);
            }
            await page.GetByTestId("review-fire").ClickAsync();
            await Expect(page.GetByTestId("confirm-scope")).ToContainTextAsync($"{scopeProperty}: {picked}");
            await page.GetByLabel("Type FIRE to confirm").FillAsync("FIRE");
            await page.GetByTestId("confirm-fire").ClickAsync();
            await Expect(page.GetByTestId("fired")).ToContainTextAsync("Effective on every enforcement point");
            await Expect(page.GetByTestId("fired")).ToContainTextAsync($"{scopeProperty}: {picked}");
            var id = Guid.Parse(await page.GetByTestId("fired-id").InnerTextAsync());

            var scope = await api.ActiveScopeAsync(id);
            scope.GetProperty("integration").GetString().ShouldBe("google-assistant");
            Values(scope, scopeProperty).ShouldBe([picked]);
            foreach (var other in new[] { "models", "firmware", "regions" }.Where(p => p != scopeProperty))
            {
                scope.TryGetProperty(other, out _).ShouldBeFalse($"{other} was not narrowed, so the switch leaves it out");
            }
        }
        finally
        {
            await api.LiftEverythingAsync();
        }
    }

    private static async Task<IPage> OpenBuilderAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await Session.SignInAsync(page, DemoLogins.Admin);
        await page.GotoAsync("/admin/kill-switches/new?integration=google-assistant");
        await Session.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("blast-radius")).ToContainTextAsync("Would cut off");
        await Expect(page.GetByTestId("blast-radius")).ToHaveAttributeAsync("data-state", "ready");
        return page;
    }

    private static string[] Values(JsonElement scope, string property) =>
        scope.GetProperty(property).EnumerateArray().Select(v => v.GetString()!).ToArray();
}
