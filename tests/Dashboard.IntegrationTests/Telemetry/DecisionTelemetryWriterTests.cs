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

    private static (DecisionTelemetry Telemetry, DecisionTelemetryWriter Writer) Instance(IDbContextFactory<DashboardDbContext> contexts)
    {
        var options = Options.Create(Settings);
        var telemetry = new DecisionTelemetry(options, TimeProvider.System);
        return (telemetry, new DecisionTelemetryWriter(
            telemetry, contexts, options, TimeProvider.System, NullLogger<DecisionTelemetryWriter>.Instance));
    }

    private static void Decide(DecisionTelemetry telemetry, Guid integration, DecisionReason reason, int times)
    {
        var request = new AccessRequest(integration, Guid.NewGuid(), "DEMO-CAM-0003", AccessActions.Stream);
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
