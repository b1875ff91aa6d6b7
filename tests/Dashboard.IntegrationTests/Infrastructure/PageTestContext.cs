using System.Globalization;
using System.Security.Claims;
using Bunit;
using Dashboard.Core.Auth;
using Dashboard.Web.Components.Layout;
using Dashboard.Web.Components.Localization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.IntegrationTests.Infrastructure;

/// <summary>
/// bUnit over the real app: a page or component rendered without a browser, with the app's own services (Core
/// queries on the app's real database, the real authorization handlers) and a signed-in demo user whose claims come
/// from the app's own claims factory. MudBlazor's JavaScript calls are answered loosely (there is no browser).
/// Create with <see cref="ForAsync"/>; dispose with <c>await using</c> (MudBlazor's services are async-disposable).
/// </summary>
public sealed class PageTestContext : BunitContext
{
    private readonly AsyncServiceScope _appScope;

    private PageTestContext(DashboardAppFactory app, ClaimsPrincipal user, string culture)
    {
        _appScope = app.Services.CreateAsyncScope();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // The tests render MudBlazor's providers themselves, beside the page, to read its dialogs and snackbars.
        Services.AddSingleton(new PageIslandOptions { HostsMudProviders = false });
        Services.AddDashboardLocalization();
        Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(user));
        Services.AddCascadingAuthenticationState();
        this.AddBunitPersistentComponentState();
        Services.AddFallbackServiceProvider(_appScope.ServiceProvider);
    }

    /// <summary>The user signed in (null: nobody), as the app's claims factory describes them.</summary>
    public ClaimsPrincipal User => ((SignedIn)Services.GetRequiredService<AuthenticationStateProvider>()).User;

    /// <summary>A context for <paramref name="email"/> (a demo login, or null for nobody) in <paramref name="culture"/>.</summary>
    public static async Task<PageTestContext> ForAsync(DashboardAppFactory app, string? email, string culture = DashboardCultures.English)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity());
        if (email is not null)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
            var account = await users.FindByEmailAsync(email) ?? throw new ArgumentException($"No login '{email}'.", nameof(email));
            user = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<DashboardUser>>().CreateAsync(account);
        }
        return new PageTestContext(app, user, culture);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _appScope.DisposeAsync();
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public ClaimsPrincipal User { get; } = user;

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
    }
}
