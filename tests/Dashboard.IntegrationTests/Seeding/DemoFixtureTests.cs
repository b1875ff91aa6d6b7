using Dashboard.Core.Access;
using Dashboard.Core.Auth;
using Dashboard.Core.Devices;
using Dashboard.Core.Integrations;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Seeding;

/// <summary>The fixture, as the app seeds it at start-up in Development, checked against contract.md word for word.</summary>
public sealed class DemoFixtureTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Theory]
    [InlineData("admin@demo.test", Roles.VendorAdmin)]
    [InlineData("admin2@demo.test", Roles.VendorAdmin)]
    [InlineData("support@demo.test", Roles.Support)]
    [InlineData("alice@demo.test", Roles.Customer)]
    [InlineData("bob@demo.test", Roles.Customer)]
    [InlineData("carol@demo.test", Roles.Customer)]
    public async Task Fixture_Users_HaveTheirRoleAndTheDemoPassword(string email, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();

        var user = (await users.FindByEmailAsync(email)).ShouldNotBeNull();

        (await users.GetRolesAsync(user)).ShouldBe([role]);
        (await users.CheckPasswordAsync(user, "Demo-pass-1")).ShouldBeTrue();
        (await users.CheckPasswordAsync(user, "demo-pass-1")).ShouldBeFalse();
    }

    [Fact]
    public async Task Fixture_Customers_AreLinkedToActiveAccountsOfTheirEmail_AndStaffToNone()
    {
        await using var db = app.CreateDbContext();
        var users = await db.Users.ToDictionaryAsync(u => u.Email!);

        foreach (var email in new[] { "alice@demo.test", "bob@demo.test", "carol@demo.test" })
        {
            var account = await db.Accounts.SingleAsync(a => a.Email == email);
            users[email].AccountId.ShouldBe(account.Id);
            account.Status.ShouldBe(Core.Accounts.AccountStatus.Active);
        }
        foreach (var email in new[] { "admin@demo.test", "admin2@demo.test", "support@demo.test" })
        {
            users[email].AccountId.ShouldBeNull();
        }
        (await db.Accounts.CountAsync(a => a.Email.EndsWith("@demo.test"))).ShouldBe(3);
    }

    [Fact]
    public async Task Fixture_StaffTokens_AreStoredHashedForTheirUsers_NeverInPlain()
    {
        await using var db = app.CreateDbContext();
        var tokens = await db.ApiTokens.ToListAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.Id, u => u.Email);

        tokens.Count.ShouldBe(3);
        var expected = new Dictionary<string, string>
        {
            ["admin@demo.test"] = "dev-admin-token",
            ["admin2@demo.test"] = "dev-admin2-token",
            ["support@demo.test"] = "dev-support-token",
        };
        foreach (var (email, token) in expected)
        {
            var stored = tokens.Single(t => users[t.UserId] == email);
            stored.TokenHash.ShouldBe(SecretHash.Sha256(token));
            stored.RevokedAt.ShouldBeNull();
            stored.Prefix.ShouldNotBe(token);
        }
        await AssertNotStoredInPlainAsync(["dev-admin-token", "dev-admin2-token", "dev-support-token"]);
    }

    [Fact]
    public async Task Fixture_Integrations_HaveTheirKindAllFourActionsAndAHashedBridgeKey()
    {
        await using var db = app.CreateDbContext();
        var integrations = await db.Integrations.OrderBy(i => i.Key).ToListAsync();
        var keys = await db.BridgeKeys.ToListAsync();

        integrations.Select(i => (i.Key, i.Name, i.Kind, i.Actions)).ShouldBe(
        [
            ("alexa", "Amazon Alexa", IntegrationKind.Assistant, AccessActions.All),
            ("google-assistant", "Google Assistant", IntegrationKind.Assistant, AccessActions.All),
            ("ifttt", "IFTTT", IntegrationKind.Automation, AccessActions.All),
        ]);
        AccessActions.All.ShouldBe(AccessActions.Stream | AccessActions.Snapshot | AccessActions.Events | AccessActions.Control);
        foreach (var integration in integrations)
        {
            var key = keys.Single(k => k.IntegrationId == integration.Id);
            key.KeyHash.ShouldBe(SecretHash.Sha256("dev-bridge-" + integration.Key));
            key.IsValidAt(DateTime.UtcNow).ShouldBeTrue();
        }
        await AssertNotStoredInPlainAsync(["dev-bridge-google-assistant", "dev-bridge-alexa", "dev-bridge-ifttt"]);
        (await db.KillSwitches.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Fixture_Devices_MatchTheContract()
    {
        await using var db = app.CreateDbContext();

        var devices = await db.Devices.Where(d => d.Serial.StartsWith("DEMO-"))
            .OrderBy(d => d.Serial)
            .Select(d => new { d.Serial, Owner = d.Owner == null ? null : d.Owner.Email, d.Model, d.Firmware, d.Region, d.Status, d.OwnershipVersion })
            .ToListAsync();

        devices.ShouldBe(
        [
            new { Serial = "DEMO-CAM-0001", Owner = (string?)"alice@demo.test", Model = "Mi Home Security Camera Basic 1080p", Firmware = "3.5.1_00.66", Region = "EU", Status = DeviceStatus.Active, OwnershipVersion = 1L },
            new { Serial = "DEMO-CAM-0002", Owner = (string?)"alice@demo.test", Model = "Mi Home Security Camera 360 2K", Firmware = "4.1.6_0312", Region = "EU", Status = DeviceStatus.Active, OwnershipVersion = 1L },
            new { Serial = "DEMO-CAM-0003", Owner = (string?)"bob@demo.test", Model = "Mi Home Security Camera Basic 1080p", Firmware = "3.5.1_00.66", Region = "US", Status = DeviceStatus.Active, OwnershipVersion = 1L },
            new { Serial = "DEMO-CAM-0004", Owner = (string?)null, Model = "Mi Home Security Camera Basic 1080p", Firmware = "3.5.1_00.66", Region = "EU", Status = DeviceStatus.Active, OwnershipVersion = 0L },
        ]);
        (await db.Devices.Where(d => d.Serial.StartsWith("DEMO-")).Select(d => d.Mac).Distinct().CountAsync()).ShouldBe(4);
        // The fixture's EF inserts kept the maintained total exact.
        (await FleetTotalsQuery.DevicesAsync(db)).ShouldBe(await db.Devices.LongCountAsync());
    }

    [Fact]
    public async Task Fixture_OwnedDevices_HaveAClaimedEventToTheirOwner()
    {
        await using var db = app.CreateDbContext();

        var history = await (
            from e in db.OwnershipEvents
            join d in db.Devices on e.DeviceId equals d.Id
            join a in db.Accounts on e.ToAccountId equals a.Id
            where d.Serial.StartsWith("DEMO-")
            orderby d.Serial
            select new { d.Serial, e.Kind, e.FromAccountId, To = a.Email, e.ActorLabel, e.At }).ToListAsync();

        history.Select(h => (h.Serial, h.Kind, h.FromAccountId, h.To, h.ActorLabel)).ShouldBe(
        [
            ("DEMO-CAM-0001", OwnershipEventKind.Claimed, (Guid?)null, "alice@demo.test", "system"),
            ("DEMO-CAM-0002", OwnershipEventKind.Claimed, (Guid?)null, "alice@demo.test", "system"),
            ("DEMO-CAM-0003", OwnershipEventKind.Claimed, (Guid?)null, "bob@demo.test", "system"),
        ]);
        // Claimed before the links were made (90 days ago), so "owner at" any link time is the owner.
        history.ShouldAllBe(h => h.At < DateTime.UtcNow.AddDays(-90));
    }

    [Fact]
    public async Task Fixture_LinksAndExposures_MatchTheContract()
    {
        await using var db = app.CreateDbContext();

        var links = await (
            from l in db.AccountLinks
            join a in db.Accounts on l.AccountId equals a.Id
            join i in db.Integrations on l.IntegrationId equals i.Id
            where a.Email.EndsWith("@demo.test")
            select new
            {
                a.Email,
                i.Key,
                l.Status,
                l.GrantedActions,
                l.LinkedAt,
                Exposed = (from x in db.DeviceExposures join d in db.Devices on x.DeviceId equals d.Id where x.LinkId == l.Id orderby d.Serial select d.Serial).ToList(),
            }).ToListAsync();

        links.OrderBy(l => l.Email).ThenBy(l => l.Key).Select(l => (l.Email, l.Key, string.Join(",", l.Exposed))).ShouldBe(
        [
            ("alice@demo.test", "alexa", "DEMO-CAM-0001,DEMO-CAM-0002"),
            ("alice@demo.test", "google-assistant", "DEMO-CAM-0001"),
            ("bob@demo.test", "google-assistant", "DEMO-CAM-0003"),
            ("bob@demo.test", "ifttt", "DEMO-CAM-0003"),
            ("carol@demo.test", "ifttt", ""),
        ]);
        foreach (var link in links)
        {
            link.Status.ShouldBe(LinkStatus.Active);
            link.GrantedActions.ShouldBe(AccessActions.All);
            (DateTime.UtcNow - link.LinkedAt).TotalDays.ShouldBeInRange(89.9, 90.1);
        }
    }

    [Fact]
    public async Task Seed_WhenRunAgain_InsertsNothingAndKeepsTheIds()
    {
        await using var db = app.CreateDbContext();
        var accountsBefore = await db.Accounts.OrderBy(a => a.Email).Select(a => new { a.Email, a.Id }).ToListAsync();
        var auditBefore = await db.AuditEntries.CountAsync();
        var revisionBefore = await PolicyRevisions.CurrentAsync(db);

        var inserted = await app.Services.GetRequiredService<DemoFixtureSeeder>().SeedAsync();

        inserted.Total.ShouldBe(0);
        (await db.Accounts.OrderBy(a => a.Email).Select(a => new { a.Email, a.Id }).ToListAsync()).ShouldBe(accountsBefore);
        (await db.AuditEntries.CountAsync()).ShouldBe(auditBefore);
        (await PolicyRevisions.CurrentAsync(db)).ShouldBe(revisionBefore);
        (await db.Users.CountAsync()).ShouldBe(6);
        (await db.Devices.CountAsync()).ShouldBe(4);
        (await FleetTotalsQuery.DevicesAsync(db)).ShouldBe(4);
    }

    [Fact]
    public async Task Seed_AtStartUp_WroteOneSystemAuditEntry()
    {
        await using var db = app.CreateDbContext();

        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "demo_fixture.seeded");

        entry.Actor.ShouldBe("system");
        entry.Data.ShouldNotBeNull().ShouldContain("\"devices\":4");
        (await PolicyRevisions.CurrentAsync(db)).ShouldBeGreaterThanOrEqualTo(1);
    }

    /// <summary>No text column of the credential tables holds the secret itself.</summary>
    private async Task AssertNotStoredInPlainAsync(IEnumerable<string> secrets)
    {
        await using var db = app.CreateDbContext();
        foreach (var secret in secrets)
        {
            var hits = await db.Database.SqlQuery<long>($"""
                SELECT (SELECT count(*) FROM api_tokens t WHERE t.name = {secret} OR t.prefix = {secret} OR encode(t.token_hash, 'escape') = {secret})
                     + (SELECT count(*) FROM bridge_keys k WHERE k.prefix = {secret} OR encode(k.key_hash, 'escape') = {secret}) AS "Value"
                """).SingleAsync();
            hits.ShouldBe(0, $"'{secret}' is stored in plain");
        }
    }
}
