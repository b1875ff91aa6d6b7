using System.Globalization;
using Bunit;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Components.Localization;
using Dashboard.Core.Privacy;
using Dashboard.Web.Privacy;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Components;

/// <summary>
/// What a page that checks resource permissions needs from a <see cref="PageTestContext"/>: the app's own
/// authorization service (its handlers, not bUnit's placeholder), staff read records against the test's signed-in
/// user, an interactive Server renderer as in a circuit, and the culture set in the test's own flow (a culture set
/// inside an awaited factory does not flow back to the caller). Call before the first render.
/// </summary>
internal static class InteractiveAppPages
{
    public static PageTestContext AsInteractiveApp(this PageTestContext ctx, DashboardAppFactory app, string culture = DashboardCultures.English)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        // Two cores shared by many test runs: the one-second default is too short for a page's first queries.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        var scope = app.Services.CreateAsyncScope();
        ctx.Services.AddSingleton(_ => new ScopeLease(scope));
        ctx.Services.AddSingleton<IAuthorizationService>(sp =>
            sp.GetRequiredService<ScopeLease>().Scope.ServiceProvider.GetRequiredService<IAuthorizationService>());
        ctx.AddBunitPersistentComponentState();
        ctx.Services.AddScoped(sp => new StaffPageReads(
            sp.GetRequiredService<ScopeLease>().Scope.ServiceProvider.GetRequiredService<StaffAccessLog>(),
            sp.GetRequiredService<AuthenticationStateProvider>()));
        ctx.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    /// <summary>Ends the app scope with the context's services.</summary>
    private sealed class ScopeLease(AsyncServiceScope scope) : IAsyncDisposable
    {
        public AsyncServiceScope Scope { get; } = scope;

        public ValueTask DisposeAsync() => Scope.DisposeAsync();
    }
}
