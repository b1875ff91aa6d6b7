using System.Globalization;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Audit;

/// <summary>The outcome of walking the audit chain.</summary>
/// <param name="Entries">How many entries the log holds.</param>
/// <param name="FirstBadEntry">The first entry at which the chain breaks, or null when <paramref name="Ok"/>.</param>
public sealed record AuditVerification(bool Ok, long Entries, AuditChainBreak? FirstBadEntry);

/// <summary>Where the chain breaks first and why.</summary>
public sealed record AuditChainBreak(long Id, string Problem);

/// <summary>
/// Walks the audit chain in id order and reports the first entry that does not follow from the ones before it:
/// a changed entry fails its own hash, a changed-and-rehashed entry breaks the next entry's link, a removed entry
/// leaves a gap in the ids, and reordered entries fail their hashes (the id is part of what is hashed).
/// A reason kept outside the chain (behind its chained digest, decision 0029) that no longer matches the digest counts
/// as a changed entry; an erased reason does not.
/// Removing entries from the very end leaves no trace in the chain itself; compare <see cref="AuditVerification.Entries"/>
/// with a count kept elsewhere to catch that.
/// </summary>
public static class AuditVerifier
{
    public const string HashMismatch = "hash does not match contents";

    /// <summary>Streams the log from the database (one pass, no entry held longer than needed).</summary>
    public static Task<AuditVerification> VerifyAsync(DashboardDbContext db, CancellationToken ct = default) =>
        VerifyAsync(db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable(), ct);

    /// <summary>Verifies entries given in id order.</summary>
    public static async Task<AuditVerification> VerifyAsync(IAsyncEnumerable<AuditEntry> entriesInIdOrder, CancellationToken ct = default)
    {
        long count = 0;
        long previousId = 0;
        var previousHash = AuditChain.GenesisHash;
        AuditChainBreak? firstBreak = null;

        await foreach (var entry in entriesInIdOrder.WithCancellation(ct))
        {
            count++;
            firstBreak ??= Check(entry, previousId, previousHash);
            previousId = entry.Id;
            previousHash = entry.Hash;
        }
        return new AuditVerification(firstBreak is null, count, firstBreak);
    }

    private static AuditChainBreak? Check(AuditEntry entry, long previousId, byte[] previousHash)
    {
        var expectedId = previousId + 1;
        if (entry.Id != expectedId)
        {
            var missing = entry.Id - expectedId == 1
                ? $"entry {Format(expectedId)} is missing before this one"
                : $"entries {Format(expectedId)} to {Format(entry.Id - 1)} are missing before this one";
            return new AuditChainBreak(entry.Id, entry.Id < expectedId ? "entry is out of order" : missing);
        }
        if (!AuditChain.ComputeHash(entry).AsSpan().SequenceEqual(entry.Hash) || !AuditChain.ReasonMatchesDigest(entry))
        {
            return new AuditChainBreak(entry.Id, HashMismatch);
        }
        if (!entry.PreviousHash.AsSpan().SequenceEqual(previousHash))
        {
            return new AuditChainBreak(entry.Id, previousId == 0
                ? "previous hash is not the genesis hash"
                : $"previous hash does not match entry {Format(previousId)}");
        }
        return null;
    }

    private static string Format(long id) => id.ToString(CultureInfo.InvariantCulture);
}
