namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// Counts decisions that are being made or answered, so that an instance reports a revision as applied only after
/// every decision it started on older facts has been answered.
/// </summary>
/// <remarks>
/// <para>An epoch with two slots: a decision enters the slot of the current epoch; <see cref="DrainAsync"/> moves the
/// epoch on (new decisions go to the other slot and never hold it up) and waits until the old slot is empty.
/// Entering is lock-free: increment the slot, then check the epoch did not move meanwhile (if it did, leave and enter
/// the new slot). Both steps are full fences, so either the drain sees the increment or the decision sees the new
/// epoch, and with it everything published before the drain started (a new catalog, bumped generations).</para>
/// <para>Drains are serialized, and a slot is reused only after the drain that emptied it, two epochs later.</para>
/// </remarks>
public sealed class InFlightDecisions
{
    private readonly long[] _slots = new long[2];
    private readonly SemaphoreSlim _drain = new(1, 1);
    private long _epoch;

    public DecisionTicket Enter()
    {
        while (true)
        {
            var epoch = Volatile.Read(ref _epoch);
            var slot = (int)(epoch & 1);
            Interlocked.Increment(ref _slots[slot]);
            if (Interlocked.Read(ref _epoch) == epoch)
            {
                return new DecisionTicket(this, slot);
            }
            Interlocked.Decrement(ref _slots[slot]);
        }
    }

    /// <summary>Decisions currently holding a ticket (both slots).</summary>
    public long Count => Interlocked.Read(ref _slots[0]) + Interlocked.Read(ref _slots[1]);

    /// <summary>Waits until every decision that entered before this call has left; later ones do not delay it.</summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        await _drain.WaitAsync(ct);
        try
        {
            var old = (int)((Interlocked.Increment(ref _epoch) - 1) & 1);
            var spins = 0;
            while (Interlocked.Read(ref _slots[old]) != 0)
            {
                // Decisions take microseconds to a few milliseconds: spin briefly, then yield the thread.
                if (++spins < 20)
                {
                    Thread.SpinWait(50);
                }
                else
                {
                    await Task.Delay(1, ct);
                }
            }
        }
        finally
        {
            _drain.Release();
        }
    }

    internal void Exit(int slot) => Interlocked.Decrement(ref _slots[slot]);
}

/// <summary>
/// Held from before a decision reads its facts until after its answer has been written. Dispose it exactly once
/// (<c>using var ticket = decisions.Enter();</c>); a default ticket holds nothing.
/// </summary>
public readonly struct DecisionTicket : IDisposable
{
    private readonly InFlightDecisions? _owner;
    private readonly int _slot;

    internal DecisionTicket(InFlightDecisions owner, int slot)
    {
        _owner = owner;
        _slot = slot;
    }

    public bool IsHeld => _owner is not null;

    public void Dispose() => _owner?.Exit(_slot);
}
