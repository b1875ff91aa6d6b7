using System.Runtime.CompilerServices;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Audit;

/// <summary>
/// Which audit entries to list; every part is optional and they combine with AND.
/// See docs/decisions/0010-audit-query-and-exports.md for what each one matches.
/// </summary>
/// <param name="Actor">An actor exactly as recorded (a user id, <c>system</c>, <c>integration:key</c>) or a user's email (any case).</param>
/// <param name="EntityType">The entity type exactly, e.g. <c>device</c> or <c>kill_switch</c>.</param>
/// <param name="EntityId">The entity id exactly as recorded.</param>
/// <param name="From">Entries at or after this instant.</param>
/// <param name="To">Entries before this instant (half-open, so consecutive ranges never overlap).</param>
public sealed record AuditFilter(
    string? Actor = null, string? EntityType = null, string? EntityId = null, DateTime? From = null, DateTime? To = null)
{
    public static readonly AuditFilter None = new();
}

/// <summary>One audit entry as staff read it: the actor shown by email when it is a known user.</summary>
/// <param name="Actor">The user's email, or the recorded actor when it is not a user (or the user is gone).</param>
/// <param name="ActorId">The actor exactly as recorded in the chained entry.</param>
/// <param name="Data">Canonical JSON, or null.</param>
public sealed record AuditRow(
    long Id, DateTime At, string Actor, string ActorId, string Action, string EntityType, string EntityId, string? Reason, string? Data);

/// <summary>Lists and streams the audit log, newest first, for the staff API, the audit page and its export.</summary>
public sealed class AuditSearch(IDbContextFactory<DashboardDbContext> contexts)
{
    public async Task<Paged<AuditRow>> SearchAsync(AuditFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entries = await FilterAsync(db, filter, ct);
        var total = await entries.LongCountAsync(ct);
        if (page.Skip >= total)
        {
            return new Paged<AuditRow>(total, []);
        }
        var items = await Rows(db, entries.OrderByDescending(e => e.Id)
                .Skip((int)Math.Min(page.Skip, int.MaxValue))
                .Take(page.PageSize))
            .ToListAsync(ct);
        return new Paged<AuditRow>(total, items);
    }

    /// <summary>Every matching entry, newest first, read from the database as it is consumed (for exports).</summary>
    public async IAsyncEnumerable<AuditRow> StreamAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entries = await FilterAsync(db, filter, ct);
        await foreach (var row in Rows(db, entries).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row;
        }
    }

    /// <summary>The number of entries in the whole log (what a verification will walk).</summary>
    public async Task<long> CountAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AuditEntries.LongCountAsync(ct);
    }

    private static async Task<IQueryable<AuditEntry>> FilterAsync(DashboardDbContext db, AuditFilter filter, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (Trimmed(filter.Actor) is { } actor)
        {
            // Entries name people by user id (so personal data stays out of the chain); staff search by email.
            var normalized = actor.ToUpperInvariant();
            var actors = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).ToListAsync(ct);
            actors.Add(actor);
            entries = entries.Where(e => actors.Contains(e.Actor));
        }
        if (Trimmed(filter.EntityType) is { } entityType)
        {
            entries = entries.Where(e => e.EntityType == entityType);
        }
        if (Trimmed(filter.EntityId) is { } entityId)
        {
            entries = entries.Where(e => e.EntityId == entityId);
        }
        if (filter.From is { } from)
        {
            var fromUtc = AsUtc(from);
            entries = entries.Where(e => e.At >= fromUtc);
        }
        if (filter.To is { } to)
        {
            var toUtc = AsUtc(to);
            entries = entries.Where(e => e.At < toUtc);
        }
        return entries;
    }

    /// <summary>Newest first, with the actor's email where the actor is a user, and erased reasons marked as such.</summary>
    private static IQueryable<AuditRow> Rows(DashboardDbContext db, IQueryable<AuditEntry> entries) =>
        from e in entries
        join u in db.Users on e.Actor equals u.Id into users
        from u in users.DefaultIfEmpty()
        orderby e.Id descending
        select new AuditRow(
            e.Id, e.At, u == null || u.Email == null ? e.Actor : u.Email, e.Actor, e.Action, e.EntityType, e.EntityId,
            e.Reason ?? (e.ReasonDigest == null ? null : ErasedReason), e.Data);

    /// <summary>What readers see for a reason that erasure cleared (its digest is still in the chain).</summary>
    public const string ErasedReason = "(erased)";

    /// <summary>A time without a kind is read as UTC, the only time the API and the page speak.</summary>
    private static DateTime AsUtc(DateTime t) =>
        t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime();

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
