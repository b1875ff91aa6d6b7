using Dashboard.Core.Access.Runtime;
using Dashboard.Core.Data;
using Dashboard.Core.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Access;

/// <summary>One row of a device's effective access: what <paramref name="IntegrationKey"/> may do right now.</summary>
public sealed record EffectiveAccessEntry(string IntegrationKey, string IntegrationName, AccessActions Action, AccessDecision Decision);

/// <summary>
/// "Who can see this camera right now, and why": for each integration the owner has an active link to, each of that
/// integration's actions, decided by <see cref="DecisionEngine"/> over facts read from the database exactly as the
/// decision API reads them when it cannot trust its cache (<see cref="AccessFactsReader.ReadSubjectWithPolicyAsync"/>).
/// </summary>
/// <remarks>
/// Side-effect free on purpose: it does not go through <see cref="AccessDecisions"/>, so it takes no drain ticket,
/// notifies no decision observer (a support look-up is not a bridge's request, and must not show up as telemetry or
/// as a not_owner signal) and neither reads nor fills the facts cache.
/// </remarks>
public sealed class EffectiveAccess(IDbContextFactory<DashboardDbContext> contexts, AccessFactsReader reader)
{
    /// <summary>Empty when the device has no owner, or its owner no active link.</summary>
    public async Task<IReadOnlyList<EffectiveAccessEntry>> ForDeviceAsync(string serial, Guid? ownerId, CancellationToken ct = default)
    {
        if (ownerId is not { } owner)
        {
            return [];
        }
        List<(Guid Id, string Key, string Name, AccessActions Actions)> linked;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var rows = await (
                    from l in db.AccountLinks.AsNoTracking()
                    where l.AccountId == owner && l.Status == LinkStatus.Active
                    join i in db.Integrations.AsNoTracking() on l.IntegrationId equals i.Id
                    select new { i.Id, i.Key, i.Name, i.Actions })
                .Distinct()
                .ToListAsync(ct);
            linked = rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Id, r.Key, r.Name, r.Actions)).ToList();
        }

        var entries = new List<EffectiveAccessEntry>();
        foreach (var integration in linked)
        {
            var key = new FactsKey(integration.Id, owner, Devices.Device.CanonicalSerial(serial));
            var (subject, facts, switches) = await reader.ReadSubjectWithPolicyAsync(key, ct);
            var snapshot = subject.With(facts, switches, subject.Revision);
            foreach (var (action, _) in AccessActionNames.Each)
            {
                if (!integration.Actions.HasFlag(action))
                {
                    continue;
                }
                var request = new AccessRequest(integration.Id, owner, key.Serial, action);
                entries.Add(new EffectiveAccessEntry(
                    integration.Key, integration.Name, action, DecisionEngine.Decide(request, snapshot)));
            }
        }
        return entries;
    }
}
