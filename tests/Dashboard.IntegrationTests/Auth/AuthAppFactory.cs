using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Auth;

/// <summary>
/// The app in Development over its own empty database (no demo fixture: each test creates the users and
/// credentials it needs), with the policy probe endpoints, a clock the tests can move forward, a low
/// lockout threshold.
/// </summary>
public sealed class AuthAppFactory : DashboardAppFactory
{
    public const int MaxFailedSignIns = 3;

    public ShiftableClock Clock { get; } = new();

    protected override bool SeedDemoData => false;

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:MaxFailedSignIns", MaxFailedSignIns.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Background reloads and flushes off: tests trigger them, so what they observe has one cause.
        builder.UseSetting("Auth:BridgeKeyRefreshInterval", "01:00:00");
        builder.UseSetting("Auth:BridgeKeyMaxStaleness", "1.00:00:00");
        builder.UseSetting("Auth:TokenUsageFlushInterval", "01:00:00");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, AuthProbeEndpoints>();
        });
    }
}
