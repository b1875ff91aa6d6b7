using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Api;

internal static class DemoAppExtensions
{
    /// <summary>
    /// The demo seeding inserts the bridge keys after the app has loaded its in-memory key directory, which picks
    /// them up at its next periodic reload; a test that uses a bridge key loads them now instead of racing that.
    /// </summary>
    public static Task LoadBridgeKeysAsync(this DashboardAppFactory app) =>
        app.Services.GetRequiredService<BridgeKeyDirectory>().RefreshAsync();
}
