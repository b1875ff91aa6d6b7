using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// Failed sign-ins for emails that have no login, counted like Identity counts them for real logins, so an unknown
/// email is "locked" after the same number of failures: otherwise the lockout message itself would tell an
/// attacker which emails exist. Kept in memory per instance and bounded; a flood that fills it only means some
/// unknown emails are reported as plain failures again, never that a real login is affected.
/// </summary>
public sealed class UnknownLoginFailures(IOptions<IdentityOptions> identity, TimeProvider clock) : IDisposable
{
    private const int Capacity = 10_000;

    private readonly MemoryCache failures = new(new MemoryCacheOptions { SizeLimit = Capacity });

    private sealed class Entry
    {
        public int Count;
        public DateTimeOffset? LockedUntil;
    }

    /// <summary>The lockout end when this unknown email is currently "locked", else null.</summary>
    public DateTimeOffset? LockedUntil(string normalizedEmail) =>
        failures.TryGetValue(normalizedEmail, out Entry? entry) && entry!.LockedUntil is { } until && until > clock.GetUtcNow()
            ? until
            : null;

    /// <summary>Counts one more failure; returns the lockout end when this failure reaches the threshold.</summary>
    public DateTimeOffset? RecordFailure(string normalizedEmail)
    {
        var lockout = identity.Value.Lockout;
        var now = clock.GetUtcNow();
        var entry = failures.GetOrCreate(normalizedEmail, e =>
        {
            e.Size = 1;
            e.SlidingExpiration = lockout.DefaultLockoutTimeSpan;
            return new Entry();
        })!;
        lock (entry)
        {
            if (entry.LockedUntil is { } ended && ended <= now)
            {
                // As Identity does: a finished lockout starts the count again.
                entry.LockedUntil = null;
                entry.Count = 0;
            }
            entry.Count++;
            if (entry.Count >= lockout.MaxFailedAccessAttempts)
            {
                entry.Count = 0;
                entry.LockedUntil = now + lockout.DefaultLockoutTimeSpan;
            }
            return entry.LockedUntil;
        }
    }

    public void Dispose() => failures.Dispose();
}
