using System.Text.Json;
using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// Narrowing a switch by the fleet's values in the builder, by mouse and by keyboard, and what was fired as the API
/// reads it back: exactly the value picked, nothing wider. The pickers are multi-selects; each has a search field
/// that filters its options.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class KillSwitchNarrowingTests(DashboardFixture fixture)
{
    [BrowserFact]
    public async Task ModelPickedByMouse_IsTheFiredScope()
    {
        await NarrowAndFireAsync("models", "Every model", "models", (page, name) => PickByMouseAsync(page, name, search: false),
            screenshot: "kill-switch-builder.png");
    }

    [BrowserFact]
    public async Task FirmwareSearchedThenPickedByMouse_IsTheFiredScope()
    {
        await NarrowAndFireAsync("firmware", "Every firmware version", "firmware", (page, name) => PickByMouseAsync(page, name, search: true));
    }

    [BrowserFact]
    public async Task RegionPickedByMouse_IsTheFiredScope()
    {
        await NarrowAndFireAsync("regions", "Every region", "regions", (page, name) => PickByMouseAsync(page, name, search: false));
    }

    [BrowserFact]
    public async Task ModelSearchedThenPickedByKeyboard_IsTheFiredScope()
    {
        await NarrowAndFireAsync("models", "Every model", "models", (page, name) => SearchThenPickByKeyboardAsync(page, name));
    }

    [BrowserFact]
    public async Task FirmwarePickedByKeyboard_OpenedWithEnter_IsTheFiredScope()
    {
        await NarrowAndFireAsync("firmware", "Every firmware version", "firmware", (page, name) => PickByKeyboardAsync(page, name, "Enter"));
    }

    [BrowserFact]
    public async Task RegionPickedByKeyboard_OpenedWithSpace_IsTheFiredScope()
    {
        await NarrowAndFireAsync("regions", "Every region", "regions", (page, name) => PickByKeyboardAsync(page, name, "Space"));
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
        await page.GetByTestId("confirm-cancel").ClickAsync();
        await Expect(page.GetByTestId("confirm-scope")).ToHaveCountAsync(0);
        (await api.KillSwitchCountAsync()).ShouldBe(switchesBefore);

        // Emptied again after a review, the field says so again at once; the fire button's message waits for a review.
        await page.GetByLabel("Reason (required)").FillAsync("");
        await Expect(required).ToHaveCountAsync(1);
    }

    /// <summary>Mouse only: open the list by clicking it (after typing in its search field if asked) and click the option.</summary>
    internal static async Task PickByMouseAsync(Picker picker, string name, bool search)
    {
        if (search)
        {
            await picker.Search.FillAsync(name);
        }
        await picker.Select.ClickAsync();
        var options = picker.Page.GetByRole(AriaRole.Option);
        if (search)
        {
            await Expect(options).ToHaveCountAsync(1);
        }
        await options.Filter(new() { HasTextString = name }).First.ClickAsync();
        await picker.Page.GetByRole(AriaRole.Heading, new() { Name = "New kill switch" }).ClickAsync(new() { Force = true });
    }

    /// <summary>
    /// Keyboard only: focus the picker, open it with <paramref name="openKey"/>, type the value (the list jumps to
    /// it), choose it with Enter and close with Escape.
    /// </summary>
    private static async Task PickByKeyboardAsync(Picker picker, string name, string openKey)
    {
        await picker.Select.FocusAsync();
        await picker.Page.Keyboard.PressAsync(openKey);
        await Expect(picker.Page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await picker.Page.Keyboard.TypeAsync(name);
        await picker.Page.Keyboard.PressAsync("Enter");
        await picker.Page.Keyboard.PressAsync("Escape");
    }

    /// <summary>Keyboard only: type in the search field, Tab to the picker, open it, move to the one option left, choose it.</summary>
    private static async Task SearchThenPickByKeyboardAsync(Picker picker, string name)
    {
        await picker.Search.FocusAsync();
        await picker.Page.Keyboard.TypeAsync(name);
        await picker.Select.FocusAsync();
        await picker.Page.Keyboard.PressAsync("Enter");
        await Expect(picker.Page.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await picker.Page.Keyboard.PressAsync("ArrowDown");
        await picker.Page.Keyboard.PressAsync("Enter");
        await picker.Page.Keyboard.PressAsync("Escape");
    }

    private async Task NarrowAndFireAsync(
        string testId, string placeholder, string scopeProperty, Func<Picker, string, Task> pick, string? screenshot = null)
    {
        await KillSwitchTestRun.LiftingAfterwardsAsync(fixture, async (api, context) =>
        {
            var page = await OpenBuilderAsync(context);
            var picker = new Picker(page, testId);
            await Expect(picker.Select).ToHaveValueAsync("");
            await Expect(picker.Area).ToContainTextAsync(placeholder);
            var picked = await picker.UniqueOptionAsync();

            await pick(picker, picked);

            await Expect(picker.Select).ToHaveValueAsync(picked);
            await Expect(picker.Area).Not.ToContainTextAsync(placeholder);
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
            // The same words in the builder's panel, the confirmation and the fired panel.
            var words = await page.GetByTestId("radius-scope").InnerTextAsync();
            await Expect(page.GetByTestId("confirm-scope")).ToHaveTextAsync(words);
            await page.GetByLabel("Type FIRE to confirm").FillAsync("FIRE");
            await page.GetByTestId("confirm-fire").ClickAsync();
            await Expect(page.GetByTestId("fired")).ToContainTextAsync("Effective on every enforcement point");
            await Expect(page.GetByTestId("fired-scope")).ToHaveTextAsync(words);
            var id = Guid.Parse(await page.GetByTestId("fired-id").InnerTextAsync());

            var scope = await api.ActiveScopeAsync(id);
            scope.GetProperty("integration").GetString().ShouldBe("google-assistant");
            Values(scope, scopeProperty).ShouldBe([picked]);
            foreach (var other in new[] { "models", "firmware", "regions" }.Where(p => p != scopeProperty))
            {
                scope.TryGetProperty(other, out _).ShouldBeFalse($"{other} was not narrowed, so the switch leaves it out");
            }
        });
    }

    /// <summary>Signs the admin in (on a 390x844 screen if <paramref name="phone"/>) and opens the builder for Google.</summary>
    internal static async Task<IPage> OpenBuilderAsync(IBrowserContext context, bool phone = false)
    {
        var page = await context.NewPageAsync();
        if (phone)
        {
            await page.SetViewportSizeAsync(390, 844);
        }
        await Session.SignInAsync(page, DemoLogins.Admin);
        await page.GotoAsync("/admin/kill-switches/new?integration=google-assistant");
        await Session.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("blast-radius")).ToHaveAttributeAsync("data-state", "ready");
        return page;
    }

    private static string[] Values(JsonElement scope, string property) =>
        scope.GetProperty(property).EnumerateArray().Select(v => v.GetString()!).ToArray();

    /// <summary>One of the builder's value pickers: its select (the input), its search field and the area around both.</summary>
    internal sealed class Picker(IPage page, string name)
    {
        public IPage Page => page;
        public ILocator Select => page.GetByTestId(name);
        public ILocator Search => page.GetByTestId($"{name}-search");
        public ILocator Area => page.GetByTestId($"{name}-picker");

        /// <summary>A value no other value contains, so searching or typing it leaves one option; read from the open list.</summary>
        public async Task<string> UniqueOptionAsync()
        {
            await Select.ClickAsync();
            var options = page.GetByRole(AriaRole.Option);
            await Expect(options.First).ToBeVisibleAsync();
            var names = (await options.AllInnerTextsAsync()).Select(n => n.Trim()).ToList();
            await page.Keyboard.PressAsync("Escape");
            await Expect(options).ToHaveCountAsync(0);
            return names.Last(n => names.Count(other => other.Contains(n, StringComparison.OrdinalIgnoreCase)) == 1);
        }
    }
}
