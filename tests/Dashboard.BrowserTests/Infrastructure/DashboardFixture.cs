using Microsoft.Playwright;

namespace Dashboard.BrowserTests.Infrastructure;

/// <summary>One running app and one Chromium for the whole collection; every test gets its own browser context.</summary>
public class DashboardFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;
    private readonly SemaphoreSlim browserLock = new(1, 1);

    public DashboardAppProcess App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Expect() retries until this timeout; the default 5 s is short for a busy two-core machine.
        Assertions.SetDefaultExpectTimeout(15_000);
        App = await StartAppAsync();
    }

    /// <summary>The app under test: over its embedded PostgreSQL here; a subclass may give it a database of its own.</summary>
    protected virtual Task<DashboardAppProcess> StartAppAsync() => DashboardAppProcess.StartAsync();

    /// <summary>
    /// A fresh context (own cookies) pointed at the app: a desktop-sized viewport and an English browser unless
    /// <paramref name="options"/> say otherwise (a phone's viewport, another language, a dark system theme).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var chromium = await BrowserAsync();
        options ??= new BrowserNewContextOptions();
        options.BaseURL = App.BaseAddress.ToString();
        options.ViewportSize ??= new ViewportSize { Width = 1280, Height = 860 };
        options.Locale ??= "en-US";
        var context = await chromium.NewContextAsync(options);
        // Generous: the machine running the suite may be busy, and a slow answer is not what these tests are about.
        context.SetDefaultTimeout(30_000);
        return context;
    }

    // Launched on first use, so the HTTP-only tests in this collection do not need Chromium.
    private async Task<IBrowser> BrowserAsync()
    {
        await browserLock.WaitAsync();
        try
        {
            playwright ??= await Playwright.CreateAsync();
            return browser ??= await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium.ExecutablePath,
                Headless = true,
                Args = Chromium.Arguments,
            });
        }
        finally
        {
            browserLock.Release();
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        browserLock.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard app";
}
