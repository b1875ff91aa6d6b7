using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using MudBlazor;
using MudBlazor.Services;
using Dashboard.Web.Components.Layout;
using Dashboard.Web.Components.Localization;
using Dashboard.Web.Components.Time;

namespace Dashboard.Web.Components;

public static class UiSetup
{
    /// <summary>Blazor Server with MudBlazor: a static layout, each page an interactive island (@rendermode on the page).</summary>
    public static WebApplicationBuilder AddDashboardUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.PreventDuplicates = false;
        });
        builder.Services.AddDashboardLocalization();
        builder.Services.AddSingleton<ThemeCss>();
        builder.Services.AddSingleton(new PageIslandOptions());
        builder.Services.AddScoped<PersonClock>();
        builder.Services.AddCascadingAuthenticationState();
        // HttpOnly and SameSite=Strict by default; Secure outside Development like the sign-in cookie (AuthSetup).
        // Behind a TLS-terminating proxy the app must see the request as HTTPS (forwarded headers, see the README),
        // or antiforgery refuses to issue a Secure cookie over what looks like plain HTTP.
        var secureCookies = !builder.Environment.IsDevelopment();
        builder.Services.AddAntiforgery(o =>
        {
            if (secureCookies)
            {
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            }
        });
        // Stateless over the DbContext factory: one instance serves every circuit.
        return builder;
    }

    public static WebApplication MapDashboardUi(this WebApplication app)
    {
        // Browsers asking for a page get the not-found page instead of an empty 404. Status code pages cannot
        // re-execute from inside a UseWhen branch (the request is not routed again), so they are switched off per
        // request instead: API clients keep their problem details, scripts and assets their plain status.
        app.UseStatusCodePagesWithReExecute(NotFoundPath, createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if (!WantsPage(context.Request) && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }
            return next(context);
        });
        app.UseDashboardLocalization();
        app.UseAntiforgery();
        app.MapPreferences();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    public const string NotFoundPath = "/not-found";

    private static bool WantsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Path.StartsWithSegments("/api")
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
