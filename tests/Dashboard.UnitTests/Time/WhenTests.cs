using System.Globalization;
using Dashboard.Web.Components.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.UnitTests.Time;

/// <summary>An instant as the person reads it: their culture and time zone, or UTC where the exact instant matters.</summary>
public sealed class WhenTests
{
    private static readonly DateTimeOffset Instant = new(2026, 12, 7, 20, 5, 9, TimeSpan.Zero);

    [Fact]
    public async Task InTheBrowsersZoneAndCulture()
    {
        var html = await RenderAsync("Europe/Paris", "fr", utc: false);

        html.ShouldContain(">07/12/2026 21:05<");
        html.ShouldContain("datetime=\"2026-12-07T20:05:09.0000000Z\"");
        html.ShouldContain("title=\"2026-12-07 20:05:09 UTC\"");
    }

    [Fact]
    public async Task InIndonesian_InJakarta()
    {
        var html = await RenderAsync("Asia/Jakarta", "id", utc: false);

        html.ShouldContain(">08/12/2026 03.05<");
    }

    [Fact]
    public async Task WithoutAKnownZone_SaysUtc()
    {
        var html = await RenderAsync("Not/AZone", "en", utc: false);

        // ICU writes a narrow no-break space before "PM" (encoded by the renderer).
        html.ShouldContain(">12/7/2026 8:05&#x202F;PM UTC<");
    }

    [Fact]
    public async Task Exact_IsUtcWithSeconds_WhateverTheZone()
    {
        var html = await RenderAsync("Europe/Paris", "fr", utc: true);

        html.ShouldContain(">2026-12-07 20:05:09 UTC<");
    }

    private static async Task<string> RenderAsync(string zone, string culture, bool utc)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        var clock = new PersonClock();
        clock.Use(zone);
        await using var services = new ServiceCollection().AddSingleton(clock).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(When.Value)] = Instant,
                [nameof(When.Utc)] = utc,
            });
            return (await renderer.RenderComponentAsync<When>(parameters)).ToHtmlString();
        });
    }
}
