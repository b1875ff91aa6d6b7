using Dashboard.Core.Devices;
using Dashboard.Web.Hosting;
using Radzen;

namespace Dashboard.Web.Components;

public static class UiSetup
{
    /// <summary>Blazor Server with Radzen components; every page runs in one interactive circuit except the account pages.</summary>
    public static WebApplicationBuilder AddDashboardUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAntiforgery();
        builder.Services.AddScoped<FleetOverview>();
        return builder;
    }

    public static WebApplication MapDashboardUi(this WebApplication app)
    {
        // Browsers get the not-found page for unknown URLs; API clients keep their ProblemDetails or empty 404s.
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api") && AcceptsHtml(context.Request),
            branch => branch.UseStatusCodePagesWithReExecute(NotFoundPath, createScopeForStatusCodePages: true));
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapBlazorScript();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    public const string NotFoundPath = "/not-found";

    private static bool AcceptsHtml(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
