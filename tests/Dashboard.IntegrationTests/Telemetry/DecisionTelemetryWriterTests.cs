using Dashboard.Core.Access;
using Dashboard.Core.Access.Runtime;
using Dashboard.Core.Access.Telemetry;
using Dashboard.Core.Data;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dashboard.IntegrationTests.Telemetry;

/// <summary>The writer against a real database: counters add up across instances, a failed write is retried.</summary>
public sealed class DecisionTelemetryWriterTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly TelemetryOptions Settings = new() { QueueCapacity = 100, BatchSize = 2 };

    [Fact]
    public async Task Flush_FromTwoInstances_AddsToTheSameCounterRow()
    {
        var integration = Guid.NewGuid();
        var (first, firstWriter) = Instance(new Contexts(database.ConnectionString));
        var (second, secondWriter) = Instance(new Contexts(database.ConnectionString));

        Decide(first, integration, DecisionReason.NotOwner, 3);
        await firstWriter.FlushAsync();
        Decide(second, integration, DecisionReason.NotOwner, 2);
        Decide(first, integration, DecisionReason.NotOwner, 1);
        await secondWriter.FlushAsync();
        await firstWriter.FlushAsync();

        await using var db = database.CreateDbContext();
        var row = await db.DecisionCounters.SingleAsync(c => c.IntegrationId == integration);
        row.Reason.ShouldBe("not_owner");
        row.Count.ShouldBe(6);
        (await db.NotOwnerDecisions.CountAsync(d => d.IntegrationId == integration)).ShouldBe(6);
    }

    [Fact]
    public async Task Flush_WhenTheDatabaseFails_KeepsEverythingForTheNextFlush()
    {
        var integration = Guid.NewGuid();
        var contexts = new Contexts(database.ConnectionString) { Broken = true };
        var (telemetry, writer) = Instance(contexts);
        Decide(telemetry, integration, DecisionReason.NotOwner, 5);
        Decide(telemetry, integration, DecisionReason.Allowed, 1);

        (await writer.FlushAsync()).ShouldBe(0);   // no exception: the loop must go on
        telemetry.Dropped.ShouldBe(0);

        contexts.Broken = false;
        (await writer.FlushAsync()).ShouldBe(5);

        await using var db = database.CreateDbContext();
        var rows = await db.DecisionCounters.Where(c => c.IntegrationId == integration).ToDictionaryAsync(c => c.Reason, c => c.Count);
        rows.ShouldBe(new Dictionary<string, long> { ["not_owner"] = 5, ["allowed"] = 1 }, ignoreOrder: true);
        (await db.NotOwnerDecisions.CountAsync(d => d.IntegrationId == integration)).ShouldBe(5);
    }

    [Fact]
    public async Task Activity_FromTwoInstancesAndAFailedFlush_AddsUpPerCamera_AndLeavesOutWhatIsNotHers()
    {
        var integration = Guid.NewGuid();
        var account = Guid.NewGuid();
        var contexts = new Contexts(database.ConnectionString) { Broken = true };
        var (first, firstWriter) = Instance(contexts);
        var (second, secondWriter) = Instance(new Contexts(database.ConnectionString));

        Decide(first, integration, DecisionReason.Allowed, 2, account, "DEMO-CAM-0001");
        Decide(first, integration, DecisionReason.NotExposed, 1, account, "DEMO-CAM-0002");
        Decide(first, integration, DecisionReason.NotOwner, 4, account, "DEMO-CAM-0003");
        Decide(first, integration, DecisionReason.UnknownDevice, 1, account, "NO-SUCH-CAM");
        await firstWriter.FlushAsync();   // fails: kept for the next flush
        Decide(second, integration, DecisionReason.Allowed, 3, account, "DEMO-CAM-0001");
        await secondWriter.FlushAsync();
        contexts.Broken = false;
        await firstWriter.FlushAsync();

        await using var db = database.CreateDbContext();
        var rows = await db.DeviceDecisionCounts.Where(c => c.AccountId == account).ToListAsync();
        rows.Select(r => (r.DeviceSerial, r.Action, r.Decision, r.Reason, r.Count)).ShouldBe(
            [("DEMO-CAM-0001", "stream", "allow", "allowed", 5L), ("DEMO-CAM-0002", "stream", "deny", "not_exposed", 1L)],
            ignoreOrder: true);
        rows.ShouldAllBe(r => r.IntegrationId == integration && r.Minute <= DateTime.UtcNow);
    }

    [Fact]
    public void ActivityTally_WhenFull_DropsAndCountsNewKeys_ButKeepsCountingKnownOnes()
    {
        var tally = new DeviceActivityTally(capacity: 2);
        DeviceActivityKey Key(string serial) => new(
            CounterKey.MinuteOf(DateTimeOffset.UtcNow), Guid.Empty, Guid.Empty, serial, AccessActions.Stream, DecisionReason.Allowed);

        tally.Count(Key("A")).ShouldBeTrue();
        tally.Count(Key("B")).ShouldBeTrue();
        tally.Count(Key("C")).ShouldBeFalse();
        tally.Count(Key("A"), 4).ShouldBeTrue();

        tally.Dropped.ShouldBe(1);
        tally.Entries.ShouldBe(2);
        var drained = tally.Drain(DateTimeOffset.UtcNow);
        drained.Select(d => (d.Key.Serial, d.Count)).ShouldBe([("A", 5L), ("B", 1L)]);
        // Minutes long past are forgotten at the next drain, which frees room for new keys.
        tally.Drain(DateTimeOffset.UtcNow.AddMinutes(5)).ShouldBeEmpty();
        tally.Entries.ShouldBe(0);
        tally.Count(Key("C")).ShouldBeTrue();
    }

    private static (DecisionTelemetry Telemetry, DecisionTelemetryWriter Writer) Instance(IDbContextFactory<DashboardDbContext> contexts)
    {
        var options = Options.Create(Settings);
        var telemetry = new DecisionTelemetry(options, TimeProvider.System);
        return (telemetry, new DecisionTelemetryWriter(
            telemetry, contexts, options, TimeProvider.System, NullLogger<DecisionTelemetryWriter>.Instance));
    }

    private static void Decide(
        DecisionTelemetry telemetry, Guid integration, DecisionReason reason, int times,
        Guid? account = null, string serial = "DEMO-CAM-0003")
    {
        var request = new AccessRequest(integration, account ?? Guid.NewGuid(), serial, AccessActions.Stream);
        for (var i = 0; i < times; i++)
        {
            var decision = reason == DecisionReason.Allowed ? AccessDecision.Allow(1) : AccessDecision.Deny(reason, 1);
            telemetry.Decided(request, new DecisionOutcome(decision, DecisionIds.New(TimeProvider.System), DecisionSource.Cache));
        }
    }

    /// <summary>Contexts on the test database, or, while <see cref="Broken"/>, on a port where nothing listens.</summary>
    private sealed class Contexts(string connectionString) : IDbContextFactory<DashboardDbContext>
    {
        public bool Broken { get; set; }

        public DashboardDbContext CreateDbContext() => TestPostgres.CreateDbContext(Broken
            ? new NpgsqlConnectionStringBuilder(connectionString) { Port = 1, Timeout = 1 }.ConnectionString
            : connectionString);
    }
}
