namespace Dashboard.UnitTests.AccessRuntime;

/// <summary>A clock the test moves by hand (monotonic timestamps in milliseconds).</summary>
internal sealed class ManualTime : TimeProvider
{
    private long _now = 1_000;

    public override long TimestampFrequency => 1_000;

    public override long GetTimestamp() => Interlocked.Read(ref _now);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _now, (long)by.TotalMilliseconds);
}
