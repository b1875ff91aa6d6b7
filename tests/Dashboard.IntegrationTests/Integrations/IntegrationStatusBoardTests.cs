using Dashboard.Core.Access;
using Dashboard.Core.Integrations;
using Dashboard.Core.KillSwitches;
using Dashboard.IntegrationTests.Infrastructure;
using static Dashboard.IntegrationTests.Integrations.AdminFleet;

namespace Dashboard.IntegrationTests.Integrations;

public sealed class IntegrationStatusBoardTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 29, 18, 30, 20, DateTimeKind.Utc);
    private static readonly DateTime ThisMinute = new(2026, 11, 29, 18, 30, 0, DateTimeKind.Utc);

    private string connectionString = "";
    private AdminFleet Fleet => new(connectionString);
    private IntegrationStatusBoard Board => new(Fleet, new FixedClock(Now));

    public async Task InitializeAsync() => connectionString = await TestPostgres.CreateDatabaseAsync(nameof(IntegrationStatusBoardTests));

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(connectionString);

    [Fact]
    public async Task GetAsync_WithNoLinksOrDecisions_ListsEachIntegrationWithZeros()
    {
        await using (var db = Fleet.CreateDbContext())
        {
            db.AddRange(Integration("zeta", IntegrationKind.Automation), Integration("alpha", IntegrationKind.Assistant));
            await db.SaveChangesAsync();
        }

        var board = await Board.GetAsync();

        board.Select(s => s.Key).ShouldBe(["alpha", "zeta"]);
        board.ShouldAllBe(s => s.ActiveLinks == 0 && s.ExposedDevices == 0 && !s.Decisions.Any && s.KillSwitches.Count == 0);
        board[0].Decisions.AllowedPerMinute.ShouldBe(0);
    }

    [Fact]
    public async Task GetAsync_CountsActiveLinksAndDevicesTheirAccountsStillOwn()
    {
        var assistant = Integration("assistant", IntegrationKind.Assistant);
        var ann = Account("ann@example.test");
        var ben = Account("ben@example.test");
        var annOwns1 = Device("CAM-1", ann);
        var annOwns2 = Device("CAM-2", ann);
        var nowBens = Device("CAM-3", ben);
        var annLink = Link(ann, assistant);
        var benRevoked = Link(ben, assistant, LinkStatus.Revoked);
        await using (var db = Fleet.CreateDbContext())
        {
            db.AddRange(assistant, ann, ben, annOwns1, annOwns2, nowBens, annLink, benRevoked);
            db.AddRange(
                Exposure(annLink, annOwns1), Exposure(annLink, annOwns2),
                Exposure(annLink, nowBens), // left over from before a transfer: no longer reachable
                Exposure(benRevoked, nowBens));
            await db.SaveChangesAsync();
        }

        var status = (await Board.GetAsync()).Single();

        status.ActiveLinks.ShouldBe(1);
        status.ExposedDevices.ShouldBe(2);
    }

    [Fact]
    public async Task GetAsync_SumsDecisionsOfTheWindowPerIntegration_AllowedApartFromEveryDenyReason()
    {
        var google = Integration("google", IntegrationKind.Assistant);
        var ifttt = Integration("ifttt", IntegrationKind.Automation);
        await using (var db = Fleet.CreateDbContext())
        {
            db.AddRange(google, ifttt);
            db.AddRange(
                Counter(ThisMinute, google, "allowed", 30),
                Counter(ThisMinute, google, "not_owner", 5),
                Counter(ThisMinute, google, "kill_switch", 10),
                Counter(ThisMinute.AddMinutes(-14), google, "allowed", 15),
                Counter(ThisMinute.AddMinutes(-15), google, "allowed", 1000), // before the window
                Counter(ThisMinute, ifttt, "allowed", 7));
            await db.SaveChangesAsync();
        }

        var board = await Board.GetAsync(windowMinutes: 15);

        var g = board.Single(s => s.Key == "google").Decisions;
        g.ShouldBe(new DecisionRates(15, Allowed: 45, Denied: 15));
        g.AllowedPerMinute.ShouldBe(3);
        g.DeniedPerMinute.ShouldBe(1);
        board.Single(s => s.Key == "ifttt").Decisions.ShouldBe(new DecisionRates(15, 7, 0));
    }

    [Fact]
    public async Task GetAsync_ListsTheSwitchesThatStillDenyAndReachTheIntegration()
    {
        var google = Integration("google", IntegrationKind.Assistant);
        var ifttt = Integration("ifttt", IntegrationKind.Automation);
        var byKey = Switch(new KillSwitchScope { Integration = "google", Actions = ["stream"] }, "u1", Now.AddMinutes(-5));
        var byKind = Switch(new KillSwitchScope { IntegrationKind = "assistant" }, "u1", Now.AddMinutes(-4));
        byKind.LiftRequestedBy = "u1";
        byKind.LiftRequestedAt = Now.AddMinutes(-1);
        var everything = Switch(new KillSwitchScope { AllIntegrations = true, Regions = ["US"] }, "u1", Now.AddMinutes(-3));
        var lifted = Switch(new KillSwitchScope { Integration = "google" }, "u1", Now.AddMinutes(-9));
        lifted.LiftRequestedBy = "u1";
        lifted.LiftRequestedAt = Now.AddMinutes(-8);
        lifted.LiftApprovedBy = "u2";
        lifted.LiftApprovedAt = Now.AddMinutes(-7);
        await using (var db = Fleet.CreateDbContext())
        {
            db.AddRange(google, ifttt, byKey, byKind, everything, lifted);
            await db.SaveChangesAsync();
        }

        var board = await Board.GetAsync();

        var googleSwitches = board.Single(s => s.Key == "google").KillSwitches;
        googleSwitches.Select(k => k.Id).ShouldBe([everything.Id, byKind.Id, byKey.Id]);
        googleSwitches.Single(k => k.Id == byKind.Id).Status.ShouldBe(KillSwitchStatus.PendingApproval);
        board.Single(s => s.Key == "ifttt").KillSwitches.Select(k => k.Id).ShouldBe([everything.Id]);
    }

    private static DecisionCounter Counter(DateTime minute, Integration integration, string reason, long count) =>
        new() { Minute = minute, IntegrationId = integration.Id, Reason = reason, Count = count };

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }
}
