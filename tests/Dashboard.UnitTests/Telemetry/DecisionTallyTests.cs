using Dashboard.Core.Access;
using Dashboard.Core.Access.Telemetry;

namespace Dashboard.UnitTests.Telemetry;

public sealed class DecisionTallyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 18, 5, 42, TimeSpan.Zero);
    private static readonly Guid Google = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Alexa = Guid.Parse("00000000-0000-0000-0000-0000000000a2");

    [Fact]
    public void MinuteOf_TruncatesToTheMinuteInUtc()
    {
        var minute = CounterKey.MinuteOf(new DateTimeOffset(2026, 11, 29, 19, 5, 42, 123, TimeSpan.FromHours(1)));

        minute.ShouldBe(new DateTime(2026, 11, 29, 18, 5, 0, DateTimeKind.Utc));
        minute.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void Drain_AfterCounts_ReturnsOneRowPerMinuteIntegrationAndReason()
    {
        var tally = new DecisionTally();
        var minute = CounterKey.MinuteOf(Now);
        var next = minute.AddMinutes(1);

        for (var i = 0; i < 3; i++)
        {
            tally.Count(new CounterKey(minute, Google, DecisionReason.NotOwner));
        }
        tally.Count(new CounterKey(minute, Google, DecisionReason.Allowed));
        tally.Count(new CounterKey(minute, Alexa, DecisionReason.NotOwner));
        tally.Count(new CounterKey(next, Google, DecisionReason.NotOwner), 5);

        var rows = tally.Drain(Now.AddMinutes(1));

        rows.ShouldBe(
        [
            new CounterDelta(new CounterKey(minute, Google, DecisionReason.Allowed), 1),
            new CounterDelta(new CounterKey(minute, Google, DecisionReason.NotOwner), 3),
            new CounterDelta(new CounterKey(minute, Alexa, DecisionReason.NotOwner), 1),
            new CounterDelta(new CounterKey(next, Google, DecisionReason.NotOwner), 5),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Drain_Twice_SecondReturnsOnlyWhatWasCountedInBetween()
    {
        var tally = new DecisionTally();
        var key = new CounterKey(CounterKey.MinuteOf(Now), Google, DecisionReason.NotOwner);
        tally.Count(key, 4);
        tally.Drain(Now).Single().Count.ShouldBe(4);

        tally.Drain(Now).ShouldBeEmpty();

        tally.Count(key);
        tally.Drain(Now).ShouldBe([new CounterDelta(key, 1)]);
    }

    [Fact]
    public void Restore_AfterAFailedWrite_AddsTheCountsToTheNextDrain()
    {
        var tally = new DecisionTally();
        var key = new CounterKey(CounterKey.MinuteOf(Now), Google, DecisionReason.KillSwitch);
        tally.Count(key, 2);
        var failed = tally.Drain(Now);
        tally.Count(key, 3);

        tally.Restore(failed);

        tally.Drain(Now).ShouldBe([new CounterDelta(key, 5)]);
    }

    [Fact]
    public void Drain_ForgetsMinutesLongPast_ButCountsLateIncrementsOfRecentOnes()
    {
        var tally = new DecisionTally();
        var old = new CounterKey(CounterKey.MinuteOf(Now), Google, DecisionReason.NotOwner);
        tally.Count(old);
        var later = Now.AddMinutes(10);

        tally.Drain(later).ShouldBe([new CounterDelta(old, 1)]);
        tally.Count(old);   // a straggler after the entry was forgotten still counts (a new entry)

        tally.Drain(later).ShouldBe([new CounterDelta(old, 1)]);
    }

    [Fact]
    public async Task Count_FromManyThreadsWhileDraining_LosesNothing()
    {
        var tally = new DecisionTally();
        var key = new CounterKey(CounterKey.MinuteOf(Now), Google, DecisionReason.Allowed);
        const int Threads = 4, PerThread = 50_000;
        long drained = 0;
        using var done = new CancellationTokenSource();
        var drainer = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                drained += tally.Drain(Now).Sum(d => d.Count);
                await Task.Yield();
            }
        });

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                tally.Count(key);
            }
        })));
        await done.CancelAsync();
        await drainer;
        drained += tally.Drain(Now).Sum(d => d.Count);

        drained.ShouldBe(Threads * PerThread);
    }
}
