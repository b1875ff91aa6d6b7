using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Dashboard.Web.Components.Time;
using MudBlazor;

namespace Dashboard.Web.Components.Localization;

/// <summary>
/// The languages the pages speak. The choice comes from the culture cookie (set by the language picker), else the
/// browser's Accept-Language, else English; formats (dates, numbers) follow the same culture. The API is not
/// localized: its problem details are for programs and stay English, and its requests skip this middleware.
/// </summary>
public static class DashboardCultures
{
    public const string English = "en";
    public const string French = "fr";
    public const string Indonesian = "id";

    public static readonly IReadOnlyList<string> Supported = [English, French, Indonesian];

    /// <summary>The cookie the language picker writes (the framework's name, so the cookie provider reads it).</summary>
    public static string CookieName => CookieRequestCultureProvider.DefaultCookieName;

    public static string CookieValue(string culture) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));

    /// <summary>A supported culture name, or null for anything else (the picker refuses those).</summary>
    public static string? Normalize(string? culture) =>
        Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));

    /// <summary>The language of the current request or circuit, as a supported name (for &lt;html lang&gt;).</summary>
    public static string Current => Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? English;

    public static IServiceCollection AddDashboardLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddTransient<MudLocalizer, DashboardMudLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Supported.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(English);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Regional variants (fr-CA, id-ID) fall back to their language instead of to English.
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // The cookie first, then the browser: no query string provider (a language is not part of a page's address).
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>Pages, the circuit's hub connection and the preference form take the person's culture and time zone; the API does not.</summary>
    public static WebApplication UseDashboardLocalization(this WebApplication app)
    {
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), b => b
            .UseRequestLocalization()
            .Use((context, next) =>
            {
                context.RequestServices.GetRequiredService<PersonClock>().Use(context.Request.Cookies[PersonClock.CookieName]);
                return next(context);
            }));
        return app;
    }
}
