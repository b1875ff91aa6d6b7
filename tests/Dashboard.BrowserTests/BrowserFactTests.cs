using Dashboard.BrowserTests.Infrastructure;

namespace Dashboard.BrowserTests;

/// <summary>When a browser test may skip: never in CI, where a missing browser must fail the run.</summary>
public sealed class BrowserFactTests
{
    [Theory]
    [InlineData(true, null)]
    [InlineData(true, "1")]
    [InlineData(false, "1")]
    public void SkipReasonFor_WhenBrowserInstalledOrRequired_RunsTheTest(bool installed, string? require) =>
        Chromium.SkipReasonFor(installed, require).ShouldBeNull();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    public void SkipReasonFor_WhenBrowserMissingAndNotRequired_SkipsNamingTheFix(string? require) =>
        Chromium.SkipReasonFor(false, require).ShouldNotBeNull().ShouldContain("DASHBOARD_REQUIRE_BROWSER=1");
}
