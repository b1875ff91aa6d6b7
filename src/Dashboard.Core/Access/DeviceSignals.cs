using Dashboard.Core.Accounts;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Access;

/// <summary>A bridge asked for the device on behalf of an account that did not own it.</summary>
/// <param name="CorrelationId">The id of the API call that asked, to find it in the logs; null for older rows.</param>
public sealed record NotOwnerRequest(
    DateTime At, string IntegrationKey, AccountRef? Account, Guid AccountId, string Action, string? CorrelationId);

/// <summary>
/// The latest decisions about one device that the product keeps in full: the <c>not_owner</c> ones, the signature of a
/// cross-tenant leak. (Other decisions are only counted per minute, so there is nothing per device to show for them.)
/// </summary>
public sealed class DeviceSignals(IDbContextFactory<DashboardDbContext> contexts)
{
    public async Task<IReadOnlyList<NotOwnerRequest>> LatestNotOwnerAsync(string serial, int limit, CancellationToken ct = default)
    {
        var canonical = Device.CanonicalSerial(serial);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.NotOwnerDecisions.AsNoTracking()
            .Where(d => d.DeviceSerial == canonical)
            .OrderByDescending(d => d.At).ThenByDescending(d => d.Id)
            .Take(limit)
            .Select(d => new
            {
                d.At,
                IntegrationKey = db.Integrations.Where(i => i.Id == d.IntegrationId).Select(i => i.Key).FirstOrDefault(),
                d.AccountId,
                Email = db.Accounts.Where(a => a.Id == d.AccountId).Select(a => a.Email).FirstOrDefault(),
                d.Action,
                d.CorrelationId,
            })
            .ToListAsync(ct);
        return rows
            .Select(r => new NotOwnerRequest(
                r.At, r.IntegrationKey ?? "(removed integration)",
                r.Email is null ? null : new AccountRef(r.AccountId, r.Email), r.AccountId, r.Action, r.CorrelationId))
            .ToList();
    }
}
