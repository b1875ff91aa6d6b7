using Dashboard.BrowserTests.Infrastructure;
using Dashboard.BrowserTests.Pages;
using Microsoft.Playwright;

namespace Dashboard.BrowserTests;

/// <summary>A kill switch journey in a fresh browser context, after which every switch is lifted, whatever happened.</summary>
internal static class KillSwitchTestRun
{
    /// <remarks>The app is shared by the collection: a journey that fails half-way must not leave it denying.</remarks>
    public static async Task LiftingAfterwardsAsync(DashboardFixture fixture, Func<DashboardApi, IBrowserContext, Task> journey)
    {
        using var api = new DashboardApi(fixture.App.BaseAddress);
        try
        {
            await using var context = await fixture.NewContextAsync();
            await journey(api, context);
        }
        finally
        {
            await api.LiftEverythingAsync();
        }
    }
}
