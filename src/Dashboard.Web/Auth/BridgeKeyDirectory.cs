using System.Collections.Frozen;
using Dashboard.Core.Auth;
using Dashboard.Core.Data;
using Dashboard.Core.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>A bridge key as held in memory: the key row and the slug of its integration.</summary>
public sealed record BridgeCredential(BridgeKey Key, string IntegrationKey)
{
    public bool IsValidAt(DateTime now) => Key.IsValidAt(now);
}

/// <summary>Outcome of a bridge-key lookup.</summary>
public enum BridgeKeyLookup
{
    Valid,
    Unknown,

    /// <summary>Known, but revoked or past the end of its rotation overlap.</summary>
    Expired,

    /// <summary>The keys in memory are too old to trust (the database has been unreachable): fail closed.</summary>
    Unavailable,
}

/// <summary>
/// Every usable bridge key, in memory, keyed by the SHA-256 of the key. Bridge calls sit on the decision hot
/// path (thousands per second), so authenticating one is a hash and a dictionary lookup, never a query.
/// Reloaded every <see cref="DashboardAuthOptions.BridgeKeyRefreshInterval"/> (revocations made elsewhere take
/// effect within it), right after a change on this instance, and - at most once per second - when an unknown
/// key is presented, so a key issued on another instance works at once without letting unknown-key floods
/// reach the database. Expiry is checked per request against the clock, so an overlap window ends on time.
/// </summary>
public sealed class BridgeKeyDirectory(
    IDbContextFactory<DashboardDbContext> contexts,
    TimeProvider clock,
    IOptions<DashboardAuthOptions> options)
{
    /// <summary>Minimum gap between reloads triggered by unknown keys.</summary>
    public static readonly TimeSpan MissRefreshInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile Snapshot? _snapshot;

    public bool IsLoaded => _snapshot is not null;

    /// <summary>The credential for <paramref name="digest"/> if it is in memory (valid or not), else null.</summary>
    public BridgeCredential? Find(SecretDigest digest) =>
        _snapshot is { } s && s.Keys.TryGetValue(digest, out var credential) ? credential : null;

    public BridgeKeyLookup Authenticate(SecretDigest digest, out BridgeCredential? credential)
    {
        credential = null;
        var snapshot = _snapshot;
        if (snapshot is null || clock.GetElapsedTime(snapshot.LoadedAt) > options.Value.BridgeKeyMaxStaleness)
        {
            return BridgeKeyLookup.Unavailable;
        }
        if (!snapshot.Keys.TryGetValue(digest, out credential))
        {
            return BridgeKeyLookup.Unknown;
        }
        return credential.IsValidAt(clock.GetUtcNow().UtcDateTime) ? BridgeKeyLookup.Valid : BridgeKeyLookup.Expired;
    }

    /// <summary>Reloads now. Call after committing a change to bridge keys or integrations on this instance.</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        await _reloading.WaitAsync(ct);
        try
        {
            await LoadAsync(ct);
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>Reloads unless a reload finished less than <see cref="MissRefreshInterval"/> ago; true if it reloaded or was already fresh enough to trust.</summary>
    public async Task<bool> RefreshIfStaleAsync(CancellationToken ct = default)
    {
        if (IsRecent())
        {
            return false;
        }
        await _reloading.WaitAsync(ct);
        try
        {
            // Another request may have reloaded while this one waited: one reload serves them all.
            if (!IsRecent())
            {
                await LoadAsync(ct);
            }
            return true;
        }
        finally
        {
            _reloading.Release();
        }
    }

    private bool IsRecent() => _snapshot is { } s && clock.GetElapsedTime(s.LoadedAt) < MissRefreshInterval;

    private async Task LoadAsync(CancellationToken ct)
    {
        var startedAt = clock.GetTimestamp();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // The inner join drops keys of an integration that no longer exists.
        var rows = await (
            from k in db.BridgeKeys.AsNoTracking()
            join i in db.Integrations on k.IntegrationId equals i.Id
            where k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now)
            select new { Key = k, IntegrationKey = i.Key })
            .ToListAsync(ct);
        // Staleness counts from when the read started: nothing revoked before then can be in this snapshot.
        Replace(rows.Select(r => new BridgeCredential(r.Key, r.IntegrationKey)), startedAt);
    }

    /// <summary>Swaps in a new set of keys read at <paramref name="readStartedAt"/> (a <see cref="TimeProvider"/> timestamp).</summary>
    internal void Replace(IEnumerable<BridgeCredential> credentials, long readStartedAt) =>
        _snapshot = new Snapshot(
            credentials.ToFrozenDictionary(c => SecretDigest.FromHash(c.Key.KeyHash)),
            readStartedAt);

    private sealed record Snapshot(FrozenDictionary<SecretDigest, BridgeCredential> Keys, long LoadedAt);
}
