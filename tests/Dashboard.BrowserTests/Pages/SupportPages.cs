using System.Globalization;
using Microsoft.Playwright;

namespace Dashboard.BrowserTests.Pages;

/// <summary>What support does on its pages, as a person does it: type in the search box, ask who owned a camera when.</summary>
public static class SupportPages
{
    /// <summary>
    /// Types <paramref name="query"/> in the search box and presses Enter (the suggestions, once open, cover the
    /// Search button on a narrow screen; Enter lists every result whether they are open or not).
    /// </summary>
    public static async Task SearchAsync(IPage page, string query)
    {
        var box = page.GetByTestId("search-box");
        await box.FillAsync(query);
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal));
    }

    /// <summary>Asks the device page who owned it at <paramref name="utc"/>, typing the date in <paramref name="culture"/>'s format.</summary>
    public static async Task OwnerAtAsync(IPage page, DateTime utc, string culture)
    {
        var format = CultureInfo.GetCultureInfo(culture).DateTimeFormat.ShortDatePattern;
        await TypeDateAsync(page, utc.ToString(format, CultureInfo.InvariantCulture));
        var time = page.GetByTestId("owner-at-time");
        await time.FillAsync(utc.ToString("HH:mm", CultureInfo.InvariantCulture));
        await time.PressAsync("Tab");
        await page.GetByTestId("owner-at-submit").ClickAsync();
    }

    /// <summary>Types a date as a person would (committed when the field is left), then asks for the owner.</summary>
    public static async Task TypeDateAsync(IPage page, string text)
    {
        var date = page.GetByTestId("owner-at-date");
        await date.FillAsync(text);
        await date.PressAsync("Tab");
    }

    /// <summary>Signs the browser context in to a language, as the language picker does (the culture cookie).</summary>
    public static Task UseLanguageAsync(IBrowserContext context, Uri baseAddress, string culture) =>
        context.AddCookiesAsync([new Cookie
        {
            Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = baseAddress.ToString(),
        }]);
}
