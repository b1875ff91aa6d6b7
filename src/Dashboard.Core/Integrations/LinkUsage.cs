using System.Collections.Concurrent;
using Dashboard.Core.Access;
using Dashboard.Core.Access.Runtime;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Integrations;

/// <summary>
/// "Last used" of account links: every decision notes (integration, account) in memory, and <see cref="FlushAsync"/>
/// writes them in one statement, so the decision path never writes to the database. Best-effort telemetry: the times
/// of the last flush interval may be lost in a crash, and a time never moves backwards.
/// </summary>
public sealed class LinkUsage(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock, ILogger<LinkUsage> logger)
    : IAccessDecisionObserver
{
    /// <summary>
    /// At most this many pairs wait for a flush: a bridge asking about a flood of made-up accounts cannot grow memory
    /// without bound. Pairs already pending keep being updated; new ones beyond this wait for the next round.
    /// </summary>
    public const int MaxPending = 100_000;

    private readonly ConcurrentDictionary<(Guid Integration, Guid Account), DateTime> _pending = new();

    public int PendingCount => _pending.Count;

    public void Decided(in AccessRequest request, DecisionOutcome outcome)
    {
        // Before these reasons are reached there is no account, or no link, to have been used.
        if (outcome.Decision.Reason is DecisionReason.UnknownAccount or DecisionReason.NotLinked)
        {
            return;
        }
        Record(request.IntegrationId, request.AccountId, clock.GetUtcNow().UtcDateTime);
    }

    public void Listed(Guid integrationId, Guid accountId, VisibleDevicesOutcome outcome) =>
        Record(integrationId, accountId, clock.GetUtcNow().UtcDateTime);

    public void Record(Guid integrationId, Guid accountId, DateTime usedAt)
    {
        var key = (integrationId, accountId);
        if (_pending.TryGetValue(key, out var previous))
        {
            // The common case on the hot path: a pair seen since the last flush. No allocation, rarely a write.
            if (usedAt > previous)
            {
                _pending.TryUpdate(key, usedAt, previous);
            }
            return;
        }
        if (_pending.Count < MaxPending)
        {
            _pending.AddOrUpdate(key, usedAt, (_, p) => usedAt > p ? usedAt : p);
        }
    }

    /// <summary>Writes every pending time to the pair's active link in one statement; returns how many pairs were sent.</summary>
    public async Task<int> FlushAsync(CancellationToken ct = default)
    {
        var integrations = new List<Guid>();
        var accounts = new List<Guid>();
        var times = new List<DateTime>();
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var at))
            {
                integrations.Add(key.Integration);
                accounts.Add(key.Account);
                times.Add(at);
            }
        }
        if (times.Count == 0)
        {
            return 0;
        }
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var integrationArray = integrations.ToArray();
            var accountArray = accounts.ToArray();
            var timeArray = times.ToArray();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE account_links AS l SET last_used_at = u.at
                FROM unnest({integrationArray}, {accountArray}, {timeArray}) AS u(integration_id, account_id, at)
                WHERE l.integration_id = u.integration_id AND l.account_id = u.account_id AND l.status = 'Active'
                  AND (l.last_used_at IS NULL OR l.last_used_at < u.at)
                """, ct);
            return times.Count;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Put them back for the next round rather than lose them to a transient failure.
            for (var i = 0; i < times.Count; i++)
            {
                Record(integrations[i], accounts[i], times[i]);
            }
            IntegrationsLog.LinkUsageNotRecorded(logger, e, times.Count);
            return 0;
        }
    }
}
