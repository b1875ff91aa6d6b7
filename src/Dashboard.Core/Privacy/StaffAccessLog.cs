using System.Runtime.CompilerServices;
using Dashboard.Core.Data;
using Dashboard.Core.Devices;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Privacy;

/// <summary>
/// Writes and reads the staff access records. A write is one insert in the request that read the data, committed
/// before the data is answered: an acknowledged read is never unrecorded. Nothing on the decision path calls this.
/// </summary>
public sealed class StaffAccessLog(IDbContextFactory<DashboardDbContext> contexts, TimeProvider time)
{
    /// <summary>What staff read a record names as the reader when their user no longer exists.</summary>
    public const string UnknownStaff = "a staff member";

    public async Task RecordAsync(StaffAccess access, CancellationToken ct = default)
    {
        if (access.Reason is { Length: > StaffAccess.MaxReasonLength })
        {
            throw new ArgumentException($"A reason is at most {StaffAccess.MaxReasonLength} characters.", nameof(access));
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var serial = access.DeviceSerial is null ? null : Device.CanonicalSerial(access.DeviceSerial);
        var accountId = access.AccountId;
        if (accountId is null && serial is not null)
        {
            // The customer the read concerns is whoever owns the camera now, not whoever owns it later.
            accountId = await db.Devices.Where(d => d.Serial == serial).Select(d => d.OwnerId).FirstOrDefaultAsync(ct);
        }
        db.StaffAccessRecords.Add(new StaffAccessRecord
        {
            At = time.GetUtcNow().UtcDateTime,
            StaffUserId = access.StaffUserId,
            Kind = access.Kind,
            Channel = access.Channel,
            AccountId = accountId,
            DeviceSerial = serial,
            ExportFilter = Bounded(access.ExportFilter),
            Reason = string.IsNullOrWhiteSpace(access.Reason) ? null : access.Reason.Trim(),
            CorrelationId = access.CorrelationId,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The records about one account, newest first, the staff member shown by email.</summary>
    public async Task<Paged<StaffAccessView>> ForAccountAsync(Guid accountId, PageRequest page, CancellationToken ct = default)
    {
        if (!page.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(page), page, "Page must be at least 1 and size 1 to 500.");
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var total = await db.StaffAccessRecords.LongCountAsync(r => r.AccountId == accountId, ct);
        var items = await Views(db, accountId)
            .Skip((int)Math.Min(page.Skip, int.MaxValue))
            .Take(page.PageSize)
            .ToListAsync(ct);
        return new Paged<StaffAccessView>(total, items);
    }

    /// <summary>Every record about one account, newest first, read as it is written out.</summary>
    public async IAsyncEnumerable<StaffAccessView> StreamForAccountAsync(
        Guid accountId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await foreach (var view in Views(db, accountId).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return view;
        }
    }

    internal static IQueryable<StaffAccessView> Views(DashboardDbContext db, Guid accountId) =>
        from r in db.StaffAccessRecords.AsNoTracking()
        where r.AccountId == accountId
        join u in db.Users on r.StaffUserId equals u.Id into users
        from u in users.DefaultIfEmpty()
        orderby r.At descending, r.Id descending
        select new StaffAccessView(
            r.At, u == null || u.Email == null ? UnknownStaff : u.Email, r.Kind, r.Channel, r.DeviceSerial, r.ExportFilter, r.Reason);

    private static string? Bounded(string? filter) =>
        string.IsNullOrEmpty(filter) ? null
        : filter.Length <= StaffAccess.MaxExportFilterLength ? filter
        : filter[..(StaffAccess.MaxExportFilterLength - 1)] + "…";
}
