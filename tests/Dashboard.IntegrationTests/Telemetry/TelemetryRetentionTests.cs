using Dashboard.Core.Access;
using Dashboard.Core.Access.Telemetry;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.IntegrationTests.Telemetry;

/// <summary>Telemetry past its retention is deleted; what is younger, and everything while another instance prunes, stays.</summary>
public sealed class TelemetryRetentionTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly TelemetryOptions Settings = new()
    {
        NotOwnerRetention = TimeSpan.FromDays(180),
        CounterRetention = TimeSpan.FromDays(90),
    };

    [Fact]
    public async Task Prune_DeletesRowsPastTheirRetention_AndKeepsYoungerOnes()
    {
        var integration = Guid.NewGuid();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await ArrangeAsync(integration, now, ageInDays: [181, 179, 91, 89]);

        var pruned = await Retention().PruneAsync();

        pruned.ShouldNotBeNull();
        await using var db = database.CreateDbContext();
        (await NotOwnerAgesAsync(db, integration, now)).ShouldBe([89, 91, 179]);
        (await db.DecisionCounters.Where(c => c.IntegrationId == integration).Select(c => c.Minute).ToListAsync())
            .Select(m => Age(now, m)).Order().ShouldBe([89]);
        (await db.DeviceDecisionCounts.Where(c => c.IntegrationId == integration).Select(c => c.Minute).ToListAsync())
            .Select(m => Age(now, m)).Order().ShouldBe([89]);
    }

    [Fact]
    public async Task Prune_WhileAnotherInstanceHoldsTheLock_DeletesNothing()
    {
        var integration = Guid.NewGuid();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await ArrangeAsync(integration, now, ageInDays: [200]);
        await using var other = database.CreateDbContext();
        await using var otherTransaction = await other.Database.BeginTransactionAsync();
        await other.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({TelemetryRetention.PruneLockKey})");

        var pruned = await Retention().PruneAsync();

        pruned.ShouldBeNull();
        await using var db = database.CreateDbContext();
        (await NotOwnerAgesAsync(db, integration, now)).ShouldBe([200]);
    }

    private TelemetryRetention Retention() => new(database, Options.Create(Settings), TimeProvider.System);

    private async Task ArrangeAsync(Guid integration, DateTime now, int[] ageInDays)
    {
        await using var db = database.CreateDbContext();
        foreach (var age in ageInDays)
        {
            var at = now.AddDays(-age);
            var minute = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMinute));
            db.NotOwnerDecisions.Add(new NotOwnerDecision
            {
                DecisionId = Guid.NewGuid().ToString("N"), IntegrationId = integration, AccountId = Guid.NewGuid(),
                DeviceSerial = "RET-" + age, Action = "stream", At = at,
            });
            db.DecisionCounters.Add(new DecisionCounter { Minute = minute, IntegrationId = integration, Reason = "not_owner", Count = 1 });
            db.DeviceDecisionCounts.Add(new DeviceDecisionCount
            {
                Minute = minute, AccountId = Guid.NewGuid(), IntegrationId = integration, DeviceSerial = "RET-" + age,
                Action = "stream", Decision = "allow", Reason = "allowed", Count = 1,
            });
        }
        await db.SaveChangesAsync();
    }

    private static async Task<List<int>> NotOwnerAgesAsync(Core.Data.DashboardDbContext db, Guid integration, DateTime now) =>
        (await db.NotOwnerDecisions.Where(d => d.IntegrationId == integration).Select(d => d.At).ToListAsync())
            .Select(at => Age(now, at)).Order().ToList();

    private static int Age(DateTime now, DateTime at) => (int)Math.Round((now - at).TotalDays);
}
