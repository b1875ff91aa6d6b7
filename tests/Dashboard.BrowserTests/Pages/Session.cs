using Microsoft.Playwright;

namespace Dashboard.BrowserTests.Pages;

/// <summary>What a person does around every page: sign in, wait until the page answers clicks.</summary>
public static class Session
{
    /// <summary>Signs in through the real form and waits for the home page the app sends this user to.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = DemoLogins.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("[name='Input.Email']").FillAsync(email);
        await page.Locator("[name='Input.Password']").FillAsync(password);
        await page.Locator("form:has([name='Input.Email']) [type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await WaitForCircuitAsync(page);
    }

    /// <summary>Clicks sent before the Blazor circuit is attached are lost; the layout marks the moment it is.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync();

    /// <summary>
    /// Saves the whole page under docs/screenshots. The layout scrolls inside its body, not the document, so the
    /// viewport is stretched to the content's height first (a full-page screenshot alone would cut it off).
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string fileName)
    {
        var viewport = page.ViewportSize ?? new PageViewportSizeResult { Width = 1280, Height = 860 };
        var contentHeight = await page.EvaluateAsync<int>(
            "() => Math.ceil(Math.max(...[...document.querySelectorAll('.mud-main-content, main')].map(b => b.getBoundingClientRect().top + b.scrollHeight), document.documentElement.scrollHeight))");
        await page.SetViewportSizeAsync(viewport.Width, Math.Clamp(contentHeight, viewport.Height, 4000));
        // Charts redraw for the new size; give them a moment (this only affects the picture, never an assertion).
        await page.WaitForTimeoutAsync(500);

        Directory.CreateDirectory(Infrastructure.RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Infrastructure.RepositoryPaths.Screenshots, fileName),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
        });
        await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
    }
}
