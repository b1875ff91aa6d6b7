using Dashboard.Core.Access.Runtime;

namespace Dashboard.UnitTests.AccessRuntime;

public class InFlightDecisionsTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    private readonly InFlightDecisions _inFlight = new();

    [Fact]
    public async Task DrainAsync_WithNothingInFlight_CompletesAtOnce()
    {
        await _inFlight.DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task DrainAsync_WhileAnOlderTicketIsHeld_WaitsUntilItIsReleased()
    {
        var older = _inFlight.Enter();
        var drain = _inFlight.DrainAsync(CancellationToken.None);

        await Task.Delay(Short);
        drain.IsCompleted.ShouldBeFalse();

        older.Dispose();
        await drain.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task DrainAsync_IsNotHeldUpByTicketsTakenAfterItStarted()
    {
        var older = _inFlight.Enter();
        var drain = _inFlight.DrainAsync(CancellationToken.None);
        var newer = _inFlight.Enter();

        older.Dispose();
        await drain.WaitAsync(TimeSpan.FromSeconds(5));
        _inFlight.Count.ShouldBe(1);
        newer.Dispose();
    }

    [Fact]
    public async Task DrainAsync_Twice_WaitsForTicketsTakenBetweenTheTwo()
    {
        var first = _inFlight.Enter();
        var firstDrain = _inFlight.DrainAsync(CancellationToken.None);
        var between = _inFlight.Enter();
        first.Dispose();
        await firstDrain.WaitAsync(TimeSpan.FromSeconds(5));

        var secondDrain = _inFlight.DrainAsync(CancellationToken.None);
        await Task.Delay(Short);
        secondDrain.IsCompleted.ShouldBeFalse();

        between.Dispose();
        await secondDrain.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task DrainAsync_UnderConcurrentTickets_NeverReturnsWhileAnEarlierTicketIsHeld()
    {
        // Drains run one after another. A worker notes how many drains had started once it held its ticket; a drain
        // started after that must not complete before the worker releases it.
        long started = 0, completed = 0, violations = 0, tickets = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using (_inFlight.Enter())
                {
                    var startedBefore = Interlocked.Read(ref started);
                    await Task.Yield();
                    if (Interlocked.Read(ref completed) > startedBefore)
                    {
                        Interlocked.Increment(ref violations);
                    }
                    Interlocked.Increment(ref tickets);
                }
            }
        })).ToArray();

        while (!stop.IsCancellationRequested)
        {
            Interlocked.Increment(ref started);
            await _inFlight.DrainAsync(CancellationToken.None);
            Interlocked.Increment(ref completed);
        }
        await Task.WhenAll(workers);

        completed.ShouldBeGreaterThan(10);
        tickets.ShouldBeGreaterThan(100);
        violations.ShouldBe(0);
        _inFlight.Count.ShouldBe(0);
    }

    [Fact]
    public void Dispose_OfADefaultTicket_DoesNothing()
    {
        var ticket = default(DecisionTicket);
        ticket.IsHeld.ShouldBeFalse();
        ticket.Dispose();
        _inFlight.Count.ShouldBe(0);
    }
}
