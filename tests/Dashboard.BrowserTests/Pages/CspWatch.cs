using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Dashboard.BrowserTests.Pages;

/// <summary>
/// Everything the browser says about the Content-Security-Policy in one browser context: every
/// <c>securitypolicyviolation</c> event (reported by a script installed before any page script runs) and every
/// console message naming the policy (Chromium logs each refusal there too).
/// </summary>
public sealed class CspWatch
{
    private const string Binding = "__dashboardCspViolation";

    private const string ListenerScript = $$"""
        document.addEventListener('securitypolicyviolation', e => {
            window.{{Binding}}(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} at ${e.sourceFile || location.pathname}:${e.lineNumber} (${e.sample || ''}) on ${location.pathname}`);
        }, true);
        """;

    private readonly ConcurrentQueue<string> violations = new();

    public IReadOnlyCollection<string> Violations => violations;

    public static async Task<CspWatch> AttachAsync(IBrowserContext context)
    {
        var watch = new CspWatch();
        await context.ExposeFunctionAsync<string>(Binding, watch.violations.Enqueue);
        await context.AddInitScriptAsync(ListenerScript);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
            {
                watch.violations.Enqueue($"console {message.Type}: {message.Text}");
            }
        };
        return watch;
    }

    public void ShouldBeClean() =>
        Violations.ShouldBeEmpty("the Content-Security-Policy refused something:\n" + string.Join('\n', Violations));
}
