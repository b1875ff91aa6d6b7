using System.Collections.Concurrent;
using Dashboard.Core.Data;
using Dashboard.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// "Last used" of staff tokens, kept in memory and written in batches: a write per request would double the
/// database work of every API call. Best-effort telemetry, not audited: the last few seconds may be lost in a crash.
/// </summary>
public sealed class ApiTokenUsage(IDbContextFactory<DashboardDbContext> contexts, ILogger<ApiTokenUsage> logger)
{
    private readonly ConcurrentDictionary<Guid, DateTime> _pending = new();

    public void Record(Guid tokenId, DateTime usedAt) =>
        _pending.AddOrUpdate(tokenId, usedAt, (_, previous) => usedAt > previous ? usedAt : previous);

    /// <summary>Writes every pending time in one statement; times never move backwards.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var ids = new List<Guid>();
        var times = new List<DateTime>();
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var at))
            {
                ids.Add(id);
                times.Add(at);
            }
        }
        if (ids.Count == 0)
        {
            return;
        }
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var idArray = ids.ToArray();
            var timeArray = times.ToArray();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE api_tokens AS t SET last_used_at = u.at
                FROM unnest({idArray}, {timeArray}) AS u(id, at)
                WHERE t.id = u.id AND (t.last_used_at IS NULL OR t.last_used_at < u.at)
                """, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Put them back for the next round rather than lose them to a transient failure.
            for (var i = 0; i < ids.Count; i++)
            {
                Record(ids[i], times[i]);
            }
            AuthLog.TokenUsageNotRecorded(logger, e, ids.Count);
        }
    }
}

/// <summary>Flushes <see cref="ApiTokenUsage"/> periodically and once more on shutdown.</summary>
internal sealed class ApiTokenUsageFlusher(ApiTokenUsage usage, IOptions<DashboardAuthOptions> options, TimeProvider clock)
    : PeriodicFlushService(options.Value.TokenUsageFlushInterval, clock)
{
    protected override Task FlushAsync(CancellationToken ct) => usage.FlushAsync(ct);
}
