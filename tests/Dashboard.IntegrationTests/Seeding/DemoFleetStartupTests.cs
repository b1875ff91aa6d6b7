using System.Net;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Seeding;

/// <summary>The app in Development with a generated fleet besides the fixture.</summary>
public sealed class DemoFleetStartupTests(DemoFleetStartupTests.FleetAppFactory app) : IClassFixture<DemoFleetStartupTests.FleetAppFactory>
{
    public const int Devices = 3000;

    public sealed class FleetAppFactory : DashboardAppFactory
    {
        protected override int DemoFleetDevices => Devices;
    }

    [Fact]
    public async Task Startup_SeedsFixtureAndFleet_ThenReportsReady()
    {
        await WaitUntilReadyAsync();
        await using var db = app.CreateDbContext();

        (await db.Devices.CountAsync()).ShouldBe(Devices + 4);
        var audit = await db.AuditEntries.OrderBy(e => e.Id).Select(e => new { e.Action, e.Actor }).ToListAsync();
        audit.ShouldBe([new { Action = "demo_fixture.seeded", Actor = "system" }, new { Action = "fleet.seeded", Actor = "system" }]);
    }

    [Fact]
    public async Task Startup_FleetNeverTouchesTheDemoAccountsOrTheirNames()
    {
        await WaitUntilReadyAsync();
        await using var db = app.CreateDbContext();

        (await db.Devices.CountAsync(d => d.Serial.StartsWith("DEMO-"))).ShouldBe(4);
        (await db.Devices.CountAsync(d => d.Serial.StartsWith("NOPE-"))).ShouldBe(0);
        (await db.Devices.CountAsync(d => d.Owner != null && d.Owner.Email.EndsWith("@demo.test"))).ShouldBe(3);
        (await db.Accounts.CountAsync(a => a.Email.StartsWith("demo") || a.Email.EndsWith("@demo.test"))).ShouldBe(3);
        var demoAccounts = db.Accounts.Where(a => a.Email.EndsWith("@demo.test")).Select(a => a.Id);
        (await db.AccountLinks.CountAsync(l => demoAccounts.Contains(l.AccountId))).ShouldBe(5);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = app.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await client.GetAsync("/readyz");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"/readyz still answers {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            await Task.Delay(100);
        }
    }
}
