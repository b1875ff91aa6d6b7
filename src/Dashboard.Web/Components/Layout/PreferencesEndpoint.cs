using Dashboard.Web.Auth;
using Dashboard.Web.Components.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Components.Layout;

/// <summary>
/// The language and theme a person picks in the app bar: a plain form post (with its antiforgery token) that sets
/// two cookies and goes back to the page, so it works on every page, signed in or not, with or without a circuit.
/// </summary>
public static class PreferencesEndpoint
{
    public const string Path = "/preferences";

    public static WebApplication MapPreferences(this WebApplication app)
    {
        app.MapPost(Path, ([FromForm] string? culture, [FromForm] string? theme, [FromForm] string? returnUrl, HttpContext context) =>
        {
            var chosenCulture = DashboardCultures.Normalize(culture);
            var chosenTheme = DashboardTheme.Choices.FirstOrDefault(t => t == theme);
            if (chosenCulture is null || chosenTheme is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown language or theme",
                    detail: $"Language must be one of {string.Join(", ", DashboardCultures.Supported)}; theme one of {string.Join(", ", DashboardTheme.Choices)}.");
            }
            var cookie = new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), Path = "/", SameSite = SameSiteMode.Lax, HttpOnly = true,
                Secure = context.Request.IsHttps, IsEssential = true,
            };
            context.Response.Cookies.Append(DashboardCultures.CookieName, DashboardCultures.CookieValue(chosenCulture), cookie);
            context.Response.Cookies.Append(DashboardTheme.CookieName, chosenTheme, cookie);
            // 303: the browser follows with a GET of the page it came from (never another site's).
            context.Response.Headers.Location = LocalUrl.OrHome(returnUrl);
            return Results.StatusCode(StatusCodes.Status303SeeOther);
        }).AllowAnonymous();
        return app;
    }
}
