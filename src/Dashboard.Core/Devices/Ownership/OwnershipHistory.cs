using Dashboard.Core.Accounts;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Devices.Ownership;

/// <summary>One ledger entry as people read it: accounts by id and email, the actor by email (or "system").</summary>
public sealed record OwnershipEntry(
    DateTime At, OwnershipEventKind Kind, AccountRef? From, AccountRef? To, string Actor, string Reason);

/// <summary>Who owned a device at <see cref="At"/> (null: nobody).</summary>
public sealed record OwnerAt(DateTime At, AccountRef? Owner);

/// <summary>
/// Reads the ownership ledger: a device's timeline, and "who owned it at time T", which incident response needs to map
/// a leaked frame to its owner. Both walk the (device, at, id) index.
/// </summary>
public sealed class OwnershipHistory(IDbContextFactory<DashboardDbContext> contexts)
{
    /// <summary>Oldest first; null when no device has the serial.</summary>
    public async Task<IReadOnlyList<OwnershipEntry>?> TimelineAsync(string serial, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await DeviceIdAsync(db, serial, ct) is not { } deviceId)
        {
            return null;
        }
        var rows = await WithAccounts(db, db.OwnershipEvents.AsNoTracking()
                .Where(e => e.DeviceId == deviceId)
                .OrderBy(e => e.At).ThenBy(e => e.Id))
            .ToListAsync(ct);
        return rows.Select(r => r.ToEntry()).ToList();
    }

    /// <summary>
    /// The owner after the last event at or before <paramref name="at"/> (an event at exactly that instant counts);
    /// null owner before the first claim and after a release. Null when no device has the serial.
    /// </summary>
    public async Task<OwnerAt?> OwnerAtAsync(string serial, DateTime at, CancellationToken ct = default)
    {
        var utc = at.ToUniversalTime();
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await DeviceIdAsync(db, serial, ct) is not { } deviceId)
        {
            return null;
        }
        var last = await WithAccounts(db, db.OwnershipEvents.AsNoTracking()
                .Where(e => e.DeviceId == deviceId && e.At <= utc)
                .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                .Take(1))
            .FirstOrDefaultAsync(ct);
        return new OwnerAt(utc, last?.ToEntry().To);
    }

    private static async Task<Guid?> DeviceIdAsync(DashboardDbContext db, string serial, CancellationToken ct)
    {
        var canonical = Device.CanonicalSerial(serial);
        return await db.Devices.Where(d => d.Serial == canonical).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(ct);
    }

    // Ordered before this projection: EF cannot order by the members of a record built in the select.
    private static IQueryable<EntryRow> WithAccounts(DashboardDbContext db, IQueryable<OwnershipEvent> events) =>
        events.Select(e => new EntryRow(
            e.Id, e.At, e.Kind,
            e.FromAccountId, db.Accounts.Where(a => a.Id == e.FromAccountId).Select(a => a.Email).FirstOrDefault(),
            e.ToAccountId, db.Accounts.Where(a => a.Id == e.ToAccountId).Select(a => a.Email).FirstOrDefault(),
            e.ActorLabel, e.Reason));

    private sealed record EntryRow(
        long Id, DateTime At, OwnershipEventKind Kind, Guid? FromId, string? FromEmail, Guid? ToId, string? ToEmail,
        string Actor, string Reason)
    {
        public OwnershipEntry ToEntry() => new(At, Kind, Ref(FromId, FromEmail), Ref(ToId, ToEmail), Actor, Reason);

        private static AccountRef? Ref(Guid? id, string? email) =>
            id is { } value && email is not null ? new AccountRef(value, email) : null;
    }
}
