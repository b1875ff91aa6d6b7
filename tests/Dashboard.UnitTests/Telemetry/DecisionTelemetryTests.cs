using Dashboard.Core.Access;
using Dashboard.Core.Access.Runtime;
using Dashboard.Core.Access.Telemetry;
using Dashboard.Core.Observability;
using Dashboard.UnitTests.Auth;
using Microsoft.Extensions.Options;

namespace Dashboard.UnitTests.Telemetry;

public sealed class DecisionTelemetryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 18, 5, 42, TimeSpan.Zero);
    private static readonly Guid Google = Guid.NewGuid();
    private static readonly Guid Alice = Guid.NewGuid();

    private static DecisionTelemetry Create(int capacity = 100, int batch = 10) =>
        new(Options.Create(new TelemetryOptions { QueueCapacity = capacity, BatchSize = batch }), new ManualClock(Now));

    private static DecisionOutcome Outcome(DecisionReason reason, string id = "01JDEMO") =>
        new(reason == DecisionReason.Allowed ? AccessDecision.Allow(7) : AccessDecision.Deny(reason, 7), id, DecisionSource.Cache);

    private static AccessRequest Request(string serial = " demo-cam-0003 ") => new(Google, Alice, serial, AccessActions.Stream);

    [Fact]
    public void Decided_CountsEveryDecision_AndQueuesOnlyNotOwnerOnesInFull()
    {
        var telemetry = Create();

        telemetry.Decided(Request(), Outcome(DecisionReason.Allowed));
        telemetry.Decided(Request(), Outcome(DecisionReason.NotExposed));
        telemetry.Decided(Request(), Outcome(DecisionReason.NotOwner, "01JNOTOWNER"));

        var minute = CounterKey.MinuteOf(Now);
        telemetry.Tally.Drain(Now).ShouldBe(
        [
            new CounterDelta(new CounterKey(minute, Google, DecisionReason.Allowed), 1),
            new CounterDelta(new CounterKey(minute, Google, DecisionReason.NotExposed), 1),
            new CounterDelta(new CounterKey(minute, Google, DecisionReason.NotOwner), 1),
        ], ignoreOrder: true);
        var stored = telemetry.TakeNotOwner(10).ShouldHaveSingleItem();
        stored.DecisionId.ShouldBe("01JNOTOWNER");
        stored.IntegrationId.ShouldBe(Google);
        stored.AccountId.ShouldBe(Alice);
        stored.DeviceSerial.ShouldBe("DEMO-CAM-0003");
        stored.Action.ShouldBe("stream");
        stored.At.ShouldBe(Now.UtcDateTime);
    }

    [Fact]
    public void Decided_KeepsTheCorrelationIdOfTheRequestInProgress()
    {
        var telemetry = Create();

        using (CorrelationId.Use("req-42"))
        {
            telemetry.Decided(Request(), Outcome(DecisionReason.NotOwner, "01JINREQUEST"));
        }
        telemetry.Decided(Request(), Outcome(DecisionReason.NotOwner, "01JOUTSIDE"));

        var stored = telemetry.TakeNotOwner(10);
        stored.Select(d => (d.DecisionId, d.CorrelationId)).ShouldBe([("01JINREQUEST", "req-42"), ("01JOUTSIDE", (string?)null)]);
    }

    [Fact]
    public void Decided_WhenTheQueueIsFull_DropsAndCountsWithoutBlocking()
    {
        var telemetry = Create(capacity: 3);

        for (var i = 0; i < 5; i++)
        {
            telemetry.Decided(Request(), Outcome(DecisionReason.NotOwner, $"id-{i}"));
        }

        telemetry.Dropped.ShouldBe(2);
        telemetry.Queued.ShouldBe(3);
        telemetry.TakeNotOwner(10).Select(d => d.DecisionId).ShouldBe(["id-0", "id-1", "id-2"]);
        // Every decision is still counted: the counters do not go through the queue.
        telemetry.Tally.Drain(Now).Single().Count.ShouldBe(5);
    }

    [Fact]
    public void Decided_WhenABatchIsWaiting_RaisesBatchReadyOnceUntilTaken()
    {
        var telemetry = Create(batch: 2);
        var raised = 0;
        telemetry.BatchReady += () => raised++;

        telemetry.Decided(Request(), Outcome(DecisionReason.NotOwner));
        raised.ShouldBe(0);
        telemetry.Decided(Request(), Outcome(DecisionReason.NotOwner));
        telemetry.Decided(Request(), Outcome(DecisionReason.NotOwner));
        raised.ShouldBe(1);

        telemetry.TakeNotOwner(10).Count.ShouldBe(3);
        telemetry.Decided(Request(), Outcome(DecisionReason.NotOwner));
        telemetry.Decided(Request(), Outcome(DecisionReason.NotOwner));
        raised.ShouldBe(2);
    }

    [Fact]
    public void TakeNotOwner_TakesAtMostTheBatchOldestFirst()
    {
        var telemetry = Create();
        for (var i = 0; i < 5; i++)
        {
            telemetry.Decided(Request(), Outcome(DecisionReason.NotOwner, $"id-{i}"));
        }

        telemetry.TakeNotOwner(2).Select(d => d.DecisionId).ShouldBe(["id-0", "id-1"]);
        telemetry.TakeNotOwner(10).Select(d => d.DecisionId).ShouldBe(["id-2", "id-3", "id-4"]);
    }
}
