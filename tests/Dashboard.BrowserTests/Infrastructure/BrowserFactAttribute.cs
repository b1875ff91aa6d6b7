namespace Dashboard.BrowserTests.Infrastructure;

/// <summary>
/// A fact that needs Chromium. Skipped at discovery when <see cref="Chromium.ExecutablePath"/> is missing, unless
/// <c>DASHBOARD_REQUIRE_BROWSER=1</c> (CI), where it runs and fails so a missing browser cannot pass unnoticed.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

public static class Chromium
{
    /// <summary>Debian's Chromium; Playwright's own browser download is not available here.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string RequireVariable = "DASHBOARD_REQUIRE_BROWSER";

    public static string? SkipReason =>
        SkipReasonFor(File.Exists(ExecutablePath), Environment.GetEnvironmentVariable(RequireVariable));

    /// <summary>Skip only when the browser is missing and nobody asked for it to be required.</summary>
    internal static string? SkipReasonFor(bool browserInstalled, string? requireVariable) =>
        browserInstalled || requireVariable == "1"
            ? null
            : $"{ExecutablePath} not found (apt-get install chromium); set {RequireVariable}=1 to fail instead of skipping.";

    /// <summary>Flags that keep Chromium from reaching for the network it does not have here.</summary>
    public static readonly IReadOnlyList<string> Arguments =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];
}
