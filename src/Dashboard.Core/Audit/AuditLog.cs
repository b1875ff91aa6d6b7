using System.Security.Cryptography;
using Dashboard.Core.Data;
using Dashboard.Core.Observability;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Audit;

/// <summary>What a caller records; the log adds time, order and hashes.</summary>
/// <param name="Actor">Identity user id, or <see cref="AuditLog.System"/>.</param>
/// <param name="Data">An object serialized to canonical JSON, or null.</param>
public sealed record AuditRecord(
    string Actor, string Action, string EntityType, string EntityId, string? Reason = null, object? Data = null);

/// <summary>
/// Appends to the hash-chained audit log inside the caller's transaction. Appends are serialized with a
/// transaction-scoped advisory lock, so two concurrent transactions cannot both chain onto the same entry.
/// </summary>
public sealed class AuditLog(TimeProvider clock)
{
    public const string System = "system";

    /// <summary>Arbitrary constant naming the audit append lock (pg_advisory_xact_lock).</summary>
    internal const long AppendLockKey = 0x4155_4449_5400_0001;

    public async Task<AuditEntry> AppendAsync(DashboardDbContext db, AuditRecord record, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit entries are written in the same transaction as the change they record.");
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AppendLockKey})", ct);
        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Hash })
            .FirstOrDefaultAsync(ct);

        // Reasons are typed by people and may name people: the chain commits to them through a salted digest so
        // erasure can clear the text later (decision 0029).
        var salt = record.Reason is null ? null : RandomNumberGenerator.GetBytes(16);
        var entry = new AuditEntry
        {
            Id = (last?.Id ?? 0) + 1,
            // Microsecond precision: what PostgreSQL stores, so the hash recomputes identically after a round trip.
            At = TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime),
            Actor = record.Actor,
            Action = record.Action,
            EntityType = record.EntityType,
            EntityId = record.EntityId,
            Reason = record.Reason,
            ReasonSalt = salt,
            ReasonDigest = salt is null ? null : AuditChain.ReasonDigest(salt, record.Reason!),
            Data = record.Data is null ? null : CanonicalJson.Serialize(record.Data),
            CorrelationId = CorrelationId.Current,
            PreviousHash = last?.Hash ?? AuditChain.GenesisHash,
            Hash = [],
        };
        entry.Hash = AuditChain.ComputeHash(entry);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    private static DateTime TruncateToMicroseconds(DateTime t) =>
        new(t.Ticks - (t.Ticks % 10), DateTimeKind.Utc);
}
