namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// Whether this instance may answer from memory right now. Times are monotonic timestamps of the
/// <see cref="TimeProvider"/>; a lease runs from when its renewal was <em>sent</em>, never from when it landed.
/// </summary>
/// <remarks>
/// Renewals carry the <see cref="Token"/> taken before they were sent; <see cref="Revoke"/> changes it, so a renewal
/// that was in flight when the change feed was lost cannot bring the lease back.
/// </remarks>
public sealed class LocalLease(TimeProvider time)
{
    private readonly Lock _gate = new();
    private long _validUntil;
    private long _token;

    public bool Holds => HoldsAt(time.GetTimestamp());

    public bool HoldsAt(long timestamp) => timestamp < Volatile.Read(ref _validUntil);

    public long Token => Volatile.Read(ref _token);

    /// <summary>Extends a lease that still holds; false when it lapsed meanwhile (that needs <see cref="TryRevive"/>).</summary>
    public bool TryRenew(long token, long sentAt, TimeSpan duration)
    {
        lock (_gate)
        {
            if (token != _token || !HoldsAt(time.GetTimestamp()))
            {
                return false;
            }
            Extend(sentAt, duration);
            return true;
        }
    }

    /// <summary>
    /// Starts a lease that had lapsed. The caller must have checked that everything committed before this renewal
    /// became visible has been applied (see <c>LeaseKeeper</c>).
    /// </summary>
    public bool TryRevive(long token, long sentAt, TimeSpan duration)
    {
        lock (_gate)
        {
            if (token != _token)
            {
                return false;
            }
            Extend(sentAt, duration);
            return HoldsAt(time.GetTimestamp());
        }
    }

    /// <summary>Stops answering from memory at once (the change feed was lost, or the instance is stopping).</summary>
    public void Revoke()
    {
        lock (_gate)
        {
            _token++;
            Volatile.Write(ref _validUntil, 0);
        }
    }

    private void Extend(long sentAt, TimeSpan duration)
    {
        var until = sentAt + (long)(duration.TotalSeconds * time.TimestampFrequency);
        if (until > _validUntil)
        {
            Volatile.Write(ref _validUntil, until);
        }
    }
}
