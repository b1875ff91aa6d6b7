using System.Globalization;
using Bunit;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Dashboard.Core.Privacy;
using Dashboard.Web.Privacy;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Components;

/// <summary>
/// <see cref="PageTestContext"/> as the support pages need it: the culture set where the test runs (set inside
/// <c>PageTestContext.ForAsync</c>, an async method, it does not flow back to the caller), staff page reads recorded for
/// this context's user, the app's own authorization service instead of bUnit's
/// placeholder (the pages ask the resource handlers), and an interactive renderer (the pages record reads
/// differently while prerendering).
/// </summary>
internal static class SupportPageContext
{
    /// <remarks>Not async itself: the culture it sets stays with the calling test.</remarks>
    public static Task<PageTestContext> ForAsync(DashboardAppFactory app, string email, string culture = "en")
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        // These pages read the database several times before their data shows; the machine may be busy.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(20);
        return CreateAsync(app, email, culture);
    }

    private static async Task<PageTestContext> CreateAsync(DashboardAppFactory app, string email, string culture)
    {
        var ctx = await PageTestContext.ForAsync(app, email, culture);
        // Resolved here, not from the app: it asks the signed-in user of this context, not of an HTTP request.
        ctx.Services.AddSingleton(_ => new AppScope(app.Services.CreateAsyncScope()));
        ctx.Services.AddScoped(s => new StaffPageReads(
            s.GetRequiredService<AppScope>().Services.GetRequiredService<StaffAccessLog>(),
            s.GetRequiredService<AuthenticationStateProvider>()));
        ctx.Services.AddSingleton(s => s.GetRequiredService<AppScope>().Services.GetRequiredService<IAuthorizationService>());
        // Last: the renderer comes from the services, and none may be added once one is read.
        ctx.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    /// <summary>An app scope the context's container owns, so it ends with the context.</summary>
    private sealed class AppScope(AsyncServiceScope scope) : IAsyncDisposable
    {
        public IServiceProvider Services => scope.ServiceProvider;

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
