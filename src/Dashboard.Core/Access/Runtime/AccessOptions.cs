using Dashboard.Core.Configuration;

namespace Dashboard.Core.Access.Runtime;

/// <summary>Settings of the decision path (section <c>Access</c>).</summary>
public sealed class AccessOptions : IValidatedOptions
{
    public const string Section = "Access";

    /// <summary>
    /// The longest lease any instance may hold. Propagation waiters assume it for every enforcement point, so an
    /// instance with a shorter lease is only waited for longer than needed, never too briefly.
    /// </summary>
    public static readonly TimeSpan MaxLeaseDuration = TimeSpan.FromSeconds(2);

    /// <summary>How long a renewal lets the instance answer from memory, counted from when it was sent.</summary>
    public TimeSpan LeaseDuration { get; set; } = MaxLeaseDuration;

    /// <summary>
    /// How long this instance itself trusts a renewal: a tenth less than the lease the database sees, so a decision that
    /// started while the lease held has finished before any waiter can count this instance as expired.
    /// </summary>
    public TimeSpan LocalLeaseDuration => LeaseDuration - (LeaseDuration / 10);

    /// <summary>How often the lease is renewed (and the current revision read, to catch a lost notification).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound on cached (integration, account, device) facts.</summary>
    public int CacheCapacity { get; set; } = 100_000;

    /// <summary>Connect and command timeout of the decision path's own connections: a decision fails (503) rather than hangs.</summary>
    public TimeSpan DatabaseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a propagation waiter polls the enforcement points.</summary>
    public TimeSpan PropagationPollInterval { get; set; } = TimeSpan.FromMilliseconds(3);

    /// <summary>
    /// A propagation wait that takes longer than this fails. With healthy instances it never happens: a point either
    /// applies a change within milliseconds or stops renewing and expires within its lease.
    /// </summary>
    public TimeSpan PropagationTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<string> Validate()
    {
        if (LeaseDuration <= TimeSpan.Zero || LeaseDuration > MaxLeaseDuration)
        {
            yield return $"Access:LeaseDuration must be positive and at most {MaxLeaseDuration.TotalSeconds} s.";
        }
        if (HeartbeatInterval <= TimeSpan.Zero || HeartbeatInterval * 2 > LeaseDuration)
        {
            yield return "Access:HeartbeatInterval must be positive and at most half of Access:LeaseDuration.";
        }
        if (CacheCapacity < 2)
        {
            yield return "Access:CacheCapacity must be at least 2.";
        }
        if (DatabaseTimeout < TimeSpan.FromSeconds(1))
        {
            yield return "Access:DatabaseTimeout must be at least 1 s.";
        }
        if (PropagationPollInterval <= TimeSpan.Zero || PropagationTimeout <= MaxLeaseDuration)
        {
            yield return "Access:PropagationPollInterval must be positive and Access:PropagationTimeout longer than a lease.";
        }
    }
}
