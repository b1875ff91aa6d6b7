using System.Runtime.CompilerServices;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Audit;

/// <summary>How far a verification has got: entries checked of the entries the log held when it started.</summary>
public readonly record struct AuditCheckProgress(long Checked, long Expected);

/// <summary>
/// Runs <see cref="AuditVerifier"/> over the whole log for the API and the audit page. Entries are streamed from
/// the database one at a time, so a log of any length is checked in constant memory.
/// </summary>
public sealed class AuditChainCheck(IDbContextFactory<DashboardDbContext> contexts)
{
    /// <summary>How often progress is reported, in entries.</summary>
    public const int ProgressEvery = 1000;

    public async Task<AuditVerification> VerifyAsync(IProgress<AuditCheckProgress>? progress = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Repeatable read: the count and the walk see the same log even while entries are appended.
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var expected = progress is null ? 0 : await db.AuditEntries.LongCountAsync(ct);
        var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable();
        var result = await AuditVerifier.VerifyAsync(
            progress is null ? entries : Reporting(entries, expected, progress, ct), ct);
        progress?.Report(new AuditCheckProgress(result.Entries, Math.Max(expected, result.Entries)));
        return result;
    }

    private static async IAsyncEnumerable<AuditEntry> Reporting(
        IAsyncEnumerable<AuditEntry> entries, long expected, IProgress<AuditCheckProgress> progress,
        [EnumeratorCancellation] CancellationToken ct)
    {
        long count = 0;
        progress.Report(new AuditCheckProgress(0, expected));
        await foreach (var entry in entries.WithCancellation(ct))
        {
            yield return entry;
            if (++count % ProgressEvery == 0)
            {
                progress.Report(new AuditCheckProgress(count, Math.Max(expected, count)));
            }
        }
    }
}
