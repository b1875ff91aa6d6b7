using Dashboard.Core.Access.Signals;
using Dashboard.Core.Data;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Telemetry;

/// <summary>
/// not_owner decisions asked through the real decision API end up in full in <c>not_owner_decisions</c>, every
/// decision in <c>decision_counters</c>, and the signal reads them back. Each test uses its own bridge so the counts
/// it checks are its own.
/// </summary>
public sealed class DecisionTelemetryTests(TelemetryAppFactory app) : IClassFixture<TelemetryAppFactory>, IAsyncLifetime
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(15);

    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task NotOwnerChecks_AreStoredInFullAndCountedPerMinute()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        var bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
        using var google = app.CreateClient("dev-bridge-google-assistant");
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var answer = await google.CheckAsync(alice, i % 2 == 0 ? "DEMO-CAM-0003" : "demo-cam-0003 ");
            answer.Reason.ShouldBe("not_owner");
            ids.Add(answer.DecisionId);
        }
        (await google.CheckAsync(bob, "DEMO-CAM-0003")).Reason.ShouldBe("allowed");
        var googleId = await IntegrationIdAsync("google-assistant");

        await Eventually.HoldsAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.NotOwnerDecisions.CountAsync(d => ids.Contains(d.DecisionId)) == ids.Count;
        }, Bounded, "the not_owner decisions were never stored");

        await using (var db = app.CreateDbContext())
        {
            var stored = await db.NotOwnerDecisions.Where(d => ids.Contains(d.DecisionId)).ToListAsync();
            stored.ShouldAllBe(d => d.IntegrationId == googleId && d.AccountId == alice
                && d.DeviceSerial == "DEMO-CAM-0003" && d.Action == "stream");
            stored.ShouldAllBe(d => d.At > DateTime.UtcNow.AddMinutes(-2) && d.At <= DateTime.UtcNow);
        }
        await Eventually.HoldsAsync(
            async () => await CountAsync(googleId, "not_owner") == 6 && await CountAsync(googleId, "allowed") == 1,
            Bounded, "decision_counters never reached 6 not_owner and 1 allowed for google-assistant");
    }

    [Fact]
    public async Task Signal_AboveALowThreshold_ReportsTheIntegration_AndListsItsDecisions()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        using var ifttt = app.CreateClient("dev-bridge-ifttt");
        for (var i = 0; i < 4; i++)
        {
            (await ifttt.CheckAsync(alice, "DEMO-CAM-0003", "snapshot")).Reason.ShouldBe("not_owner");
        }
        var signals = app.Services.GetRequiredService<NotOwnerSignals>();

        // Four in at most two minutes: one of them holds at least two, whatever the clock did meanwhile. The counters
        // are flushed in batches, so wait until all four are written, not only the first two.
        await Eventually.HoldsAsync(
            async () => (await signals.AboveThresholdAsync(threshold: 2)).Any(s => s.IntegrationKey == "ifttt" && s.TotalInWindow == 4),
            Bounded, "the signal never reported all four ifttt decisions above a threshold of 2");

        var above = (await signals.AboveThresholdAsync(threshold: 2)).Single(s => s.IntegrationKey == "ifttt");
        above.IntegrationName.ShouldBe("IFTTT");
        above.TotalInWindow.ShouldBe(4);
        above.PeakPerMinute.ShouldBeGreaterThanOrEqualTo(2);
        (await signals.AboveThresholdAsync(threshold: 5)).ShouldNotContain(s => s.IntegrationKey == "ifttt");
        (await signals.PerMinuteAsync()).Where(m => m.IntegrationKey == "ifttt").Sum(m => m.Count).ShouldBe(4);

        await Eventually.HoldsAsync(
            async () => (await signals.LatestAsync(PageRequest.First(500))).Items.Count(d => d.IntegrationKey == "ifttt") == 4,
            Bounded, "the ifttt not_owner decisions were never listed");
        var page = await signals.LatestAsync(new PageRequest(1, 2));
        page.Items.Count.ShouldBe(2);
        page.Total.ShouldBeGreaterThanOrEqualTo(4);
        page.Items[0].At.ShouldBeGreaterThanOrEqualTo(page.Items[1].At);
        var listed = (await signals.LatestAsync(PageRequest.First(500))).Items.First(d => d.IntegrationKey == "ifttt");
        listed.AccountEmail.ShouldBe("alice@demo.test");
        listed.DeviceSerial.ShouldBe("DEMO-CAM-0003");
        listed.Action.ShouldBe("snapshot");
    }

    [Fact]
    public async Task Signal_WithTheDefaultThreshold_StaysQuietForAFewDecisions()
    {
        var signals = app.Services.GetRequiredService<NotOwnerSignals>();

        signals.Threshold.ShouldBe(20);
        (await signals.AboveThresholdAsync()).ShouldBeEmpty();
    }

    private async Task<Guid> IntegrationIdAsync(string key)
    {
        await using var db = app.CreateDbContext();
        return await db.Integrations.Where(i => i.Key == key).Select(i => i.Id).SingleAsync();
    }

    private async Task<long> CountAsync(Guid integration, string reason)
    {
        await using var db = app.CreateDbContext();
        return await db.DecisionCounters.Where(c => c.IntegrationId == integration && c.Reason == reason).SumAsync(c => c.Count);
    }
}

/// <summary>What is still in memory when the app stops is written by the shutdown flush.</summary>
public sealed class TelemetryShutdownTests
{
    [Fact]
    public async Task Stop_WithDecisionsNotYetFlushed_WritesThemBeforeExiting()
    {
        var app = new SlowFlushAppFactory();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            await DemoFixtureApp.WaitUntilReadyAsync(app);
            await app.LoadBridgeKeysAsync();
            var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
            using var alexa = app.CreateClient("dev-bridge-alexa");
            var id = (await alexa.CheckAsync(alice, "DEMO-CAM-0003")).DecisionId;
            await using (var before = app.CreateDbContext())
            {
                (await before.NotOwnerDecisions.AnyAsync(d => d.DecisionId == id)).ShouldBeFalse("flushed before the stop: the test proves nothing");
            }

            await app.DisposeAsync();   // stops the host; the database stays until the lifetime's dispose

            await using var after = app.CreateDbContext();
            (await after.NotOwnerDecisions.AnyAsync(d => d.DecisionId == id)).ShouldBeTrue();
            (await after.DecisionCounters.Where(c => c.Reason == "not_owner").SumAsync(c => c.Count)).ShouldBe(1);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
