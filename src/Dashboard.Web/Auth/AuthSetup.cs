using Dashboard.Core.Auth;
using Dashboard.Core.Data;
using Dashboard.Web.Auth.Resources;
using Dashboard.Web.Components.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

public static class AuthSetup
{
    /// <summary>Password rules: strong enough for people, and the demo password <c>Demo-pass-1</c> satisfies them.</summary>
    public const int MinimumPasswordLength = 10;

    /// <summary>Isolates this app's protected payloads from any other app sharing the key ring.</summary>
    public const string DataProtectionApplicationName = "fleet-dashboard";

    public static WebApplicationBuilder AddDashboardAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardAuthOptions>().Bind(builder.Configuration.GetSection(DashboardAuthOptions.Section));

        services.AddIdentityCore<DashboardUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<DashboardClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>().Configure<IOptions<DashboardAuthOptions>>((o, auth) =>
        {
            o.Lockout.MaxFailedAccessAttempts = auth.Value.MaxFailedSignIns;
            o.Lockout.DefaultLockoutTimeSpan = auth.Value.LockoutDuration;
        });

        // One key ring for every instance, in the database: cookies and antiforgery tokens work wherever a request lands.
        // The first key is created under the start-up lock (see MigrationHostedService), so instances started together
        // share one key instead of each making its own.
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName).PersistKeysToDbContext<DashboardDbContext>();

        services.AddAuthentication(o => o.DefaultScheme = AuthSchemes.Dashboard)
            .AddPolicyScheme(AuthSchemes.Dashboard, "Sign-in cookie or bearer credential",
                o => o.ForwardDefaultSelector = SchemeSelector.Select)
            .AddScheme<AuthenticationSchemeOptions, StaffTokenAuthenticationHandler>(AuthSchemes.StaffToken, null)
            .AddScheme<AuthenticationSchemeOptions, BridgeKeyAuthenticationHandler>(AuthSchemes.BridgeKey, null)
            .AddIdentityCookies();
        var secureCookies = !builder.Environment.IsDevelopment();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<DashboardAuthOptions>>((o, auth) => ConfigureSignInCookie(o, auth.Value, secureCookies));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.VendorAdmin, p => p.RequireAuthenticatedUser().RequireRole(Roles.VendorAdmin))
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.VendorAdmin, Roles.Support))
            .AddPolicy(Policies.Customer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Customer)
                .RequireClaim(DashboardClaims.AccountId))
            // Only the bridge-key handler issues identities of its scheme, so no cookie or token can pose as a bridge.
            .AddPolicy(Policies.Bridge, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
                c.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == AuthSchemes.BridgeKey
                    && i.HasClaim(claim => claim.Type == DashboardClaims.IntegrationId))));

        services.AddResourceAuthorization();

        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<UnknownLoginFailures>();
        services.AddSingleton<BridgeKeyDirectory>();
        services.AddSingleton<ApiTokenUsage>();
        // Order matters: hosted services start in registration order, after the migration service.
        services.AddHostedService<ProductionGuard>();
        services.AddHostedService<BridgeKeyRefresher>();
        services.AddHostedService<ApiTokenUsageFlusher>();
        return builder;
    }

    public static WebApplication UseDashboardAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapSignOutEndpoint();
        return app;
    }

    internal static void ConfigureIdentity(IdentityOptions o)
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = MinimumPasswordLength;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = true;
        o.Lockout.AllowedForNewUsers = true;
        o.SignIn.RequireConfirmedAccount = false;
    }

    private static void ConfigureSignInCookie(CookieAuthenticationOptions o, DashboardAuthOptions auth, bool secure)
    {
        o.LoginPath = "/Account/Login";
        o.LogoutPath = SignOutEndpoint.LogoutPath;
        o.AccessDeniedPath = "/Account/AccessDenied";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        o.SlidingExpiration = true;
        o.ExpireTimeSpan = auth.CookieLifetime;

        // The API never redirects to a login page: the default scheme already sends /api to the bearer handlers,
        // and this covers anything that names the cookie scheme explicitly.
        var redirectToLogin = o.Events.OnRedirectToLogin;
        var redirectToAccessDenied = o.Events.OnRedirectToAccessDenied;
        o.Events.OnRedirectToLogin = c =>
            ApiPaths.IsApi(c.Request) ? AuthProblems.WriteUnauthorizedAsync(c.HttpContext) : redirectToLogin(c);
        o.Events.OnRedirectToAccessDenied = c =>
            ApiPaths.IsApi(c.Request) ? AuthProblems.WriteForbiddenAsync(c.HttpContext) : redirectToAccessDenied(c);
    }
}
