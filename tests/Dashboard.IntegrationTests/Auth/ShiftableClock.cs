namespace Dashboard.IntegrationTests.Auth;

/// <summary>
/// Real time plus an offset the test can move forward. Only wall-clock time shifts; timestamps (timers,
/// elapsed-time checks) stay real, so background services keep running normally.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
