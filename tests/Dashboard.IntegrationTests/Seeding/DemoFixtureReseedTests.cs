using Dashboard.Core.Integrations;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Seeding;

/// <summary>Changes made after seeding survive the next seeding (a restart). Its own database: it changes the fixture.</summary>
public sealed class DemoFixtureReseedTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task Seed_AfterChangesToTheFixture_DoesNotRevertThem()
    {
        await using var db = app.CreateDbContext();
        var bob = await db.Accounts.SingleAsync(a => a.Email == "bob@demo.test");
        var carol = await db.Accounts.SingleAsync(a => a.Email == "carol@demo.test");
        var alice = await db.Accounts.SingleAsync(a => a.Email == "alice@demo.test");
        var device3 = await db.Devices.SingleAsync(d => d.Serial == "DEMO-CAM-0003");
        var alexa = await db.Integrations.SingleAsync(i => i.Key == "alexa");
        var google = await db.Integrations.SingleAsync(i => i.Key == "google-assistant");
        var supportId = await db.Users.Where(u => u.Email == "support@demo.test").Select(u => u.Id).SingleAsync();
        // What the product's own operations do: DEMO-CAM-0003 transferred from bob to carol (bob's exposures of it
        // dropped), alice's Alexa link revoked, alice stops showing DEMO-CAM-0001 to Google, support's token revoked.
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM device_exposures WHERE device_id = {device3.Id};
            UPDATE devices SET owner_id = {carol.Id}, ownership_version = ownership_version + 1 WHERE id = {device3.Id};
            UPDATE account_links SET status = 'Revoked', revoked_at = now() WHERE account_id = {alice.Id} AND integration_id = {alexa.Id};
            DELETE FROM device_exposures x USING account_links l
                WHERE x.link_id = l.id AND l.account_id = {alice.Id} AND l.integration_id = {google.Id};
            UPDATE api_tokens SET revoked_at = now() WHERE user_id = {supportId};
            """);

        var inserted = await app.Services.GetRequiredService<DemoFixtureSeeder>().SeedAsync();

        inserted.Total.ShouldBe(0);
        db.ChangeTracker.Clear();
        (await db.Devices.SingleAsync(d => d.Serial == "DEMO-CAM-0003")).OwnerId.ShouldBe(carol.Id);
        (await db.DeviceExposures.CountAsync(x => x.DeviceId == device3.Id)).ShouldBe(0);
        var aliceLinks = await db.AccountLinks.Where(l => l.AccountId == alice.Id).ToListAsync();
        aliceLinks.Single(l => l.IntegrationId == alexa.Id).Status.ShouldBe(LinkStatus.Revoked);
        var googleLink = aliceLinks.Single(l => l.IntegrationId == google.Id);
        (await db.DeviceExposures.CountAsync(x => x.LinkId == googleLink.Id)).ShouldBe(0);
        (await db.ApiTokens.SingleAsync(t => t.UserId == supportId)).RevokedAt.ShouldNotBeNull();
        (await db.AccountLinks.CountAsync(l => l.AccountId == bob.Id)).ShouldBe(2);
    }
}
