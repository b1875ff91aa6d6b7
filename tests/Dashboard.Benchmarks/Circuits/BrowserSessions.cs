using Dashboard.Core.Auth;
using Microsoft.Playwright;

namespace Dashboard.Benchmarks.Circuits;

/// <summary>A page a signed-in user sits idle on; each open one is a circuit on the server.</summary>
public sealed record IdlePage(string Kind, string Email, string Path);

/// <summary>
/// Headless Chromium (Debian's /usr/bin/chromium, launched offline) with one browser context per session, each with
/// its own cookie jar holding a demo user's sign-in cookie. Each user signs in through the real form once; the
/// cookie is then copied into every context of that user, so 60 sessions do not mean 60 sign-ins.
/// </summary>
public sealed class BrowserSessions : IAsyncDisposable
{
    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _baseAddress;
    private readonly Dictionary<string, string> _signedIn = new(StringComparer.Ordinal);

    private BrowserSessions(IPlaywright playwright, IBrowser browser, Uri baseAddress)
    {
        _playwright = playwright;
        _browser = browser;
        _baseAddress = baseAddress;
    }

    public static async Task<BrowserSessions> LaunchAsync(Uri baseAddress)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = Arguments,
        });
        return new BrowserSessions(playwright, browser, baseAddress);
    }

    /// <summary>A new context signed in as the page's user, showing the page once its circuit is attached.</summary>
    public async Task<IBrowserContext> OpenAsync(IdlePage page)
    {
        var context = await NewContextAsync(await StorageStateAsync(page.Email));
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(page.Path);
        if (tab.Url.Contains("/Account/", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{page.Email} was sent to {tab.Url} instead of {page.Path}.");
        }
        // The layout sets this once the circuit has rendered.
        await tab.Locator("[data-interactive=true]").WaitForAsync();
        return context;
    }

    /// <summary>
    /// Leaves the page the way a closing tab does (pagehide: blazor.web.js tells the server the circuit is over),
    /// then closes the context.
    /// </summary>
    public static async Task CloseAsync(IBrowserContext context)
    {
        foreach (var tab in context.Pages)
        {
            await tab.GotoAsync("about:blank");
        }
        await context.CloseAsync();
    }

    private async Task<string> StorageStateAsync(string email)
    {
        if (_signedIn.TryGetValue(email, out var state))
        {
            return state;
        }
        await using var context = await NewContextAsync(null);
        var tab = await context.NewPageAsync();
        await tab.GotoAsync("/Account/Login");
        await tab.Locator("[name='Input.Email']").FillAsync(email);
        await tab.Locator("[name='Input.Password']").FillAsync(WellKnownDemoSecrets.Password);
        await tab.Locator("form:has([name='Input.Email']) [type=submit]").ClickAsync();
        await tab.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        // Back to a blank page, so the sign-in's own circuit ends before anything is measured.
        await tab.GotoAsync("about:blank");
        state = await context.StorageStateAsync();
        _signedIn[email] = state;
        return state;
    }

    private async Task<IBrowserContext> NewContextAsync(string? storageState)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            Locale = "en-US",
            StorageState = storageState,
        });
        // Generous: 60 pages rendering on a busy two-core machine are slow, and speed is not measured here.
        context.SetDefaultTimeout(120_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
