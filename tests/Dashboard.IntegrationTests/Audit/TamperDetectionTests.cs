using Dashboard.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Audit;

/// <summary>With the triggers bypassed, every kind of rewrite is still found by the chain.</summary>
public sealed class TamperDetectionTests
{
    [Fact]
    public async Task Verify_WhenARowIsEdited_ReportsThatRow()
    {
        await using var database = await AuditDatabase.CreateAsync();
        await database.AppendAsync(5);

        await database.ExecuteBypassingTriggersAsync("UPDATE audit_entries SET reason = 'nothing happened' WHERE id = 3");

        (await database.VerifyAsync()).ShouldBe(new AuditVerification(false, 5, new AuditChainBreak(3, AuditVerifier.HashMismatch)));
    }

    [Fact]
    public async Task Verify_WhenARowIsEditedAndItsHashRecomputed_ReportsTheNextRow()
    {
        await using var database = await AuditDatabase.CreateAsync();
        await database.AppendAsync(5);
        AuditEntry forged;
        await using (var db = database.CreateDbContext())
        {
            forged = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == 3);
        }
        forged.Actor = "someone-else";
        forged.Hash = AuditChain.ComputeHash(forged);

        await database.ExecuteBypassingTriggersAsync("UPDATE audit_entries SET actor = $1, hash = $2 WHERE id = 3", forged.Actor, forged.Hash);

        (await database.VerifyAsync()).FirstBadEntry.ShouldBe(new AuditChainBreak(4, "previous hash does not match entry 3"));
    }

    [Fact]
    public async Task Verify_WhenARowIsDeleted_ReportsTheGapAtTheNextRow()
    {
        await using var database = await AuditDatabase.CreateAsync();
        await database.AppendAsync(5);

        await database.ExecuteBypassingTriggersAsync("DELETE FROM audit_entries WHERE id = 3");

        (await database.VerifyAsync()).ShouldBe(
            new AuditVerification(false, 4, new AuditChainBreak(4, "entry 3 is missing before this one")));
    }

    [Fact]
    public async Task Verify_WhenTwoRowsSwapContents_ReportsTheFirstOfThem()
    {
        await using var database = await AuditDatabase.CreateAsync();
        await database.AppendAsync(5);

        // Reorder: rows 2 and 3 exchange everything but their ids.
        await database.ExecuteBypassingTriggersAsync("""
            UPDATE audit_entries a
            SET at = b.at, actor = b.actor, action = b.action, entity_type = b.entity_type, entity_id = b.entity_id,
                reason = b.reason, data = b.data, previous_hash = b.previous_hash, hash = b.hash
            FROM audit_entries b
            WHERE (a.id, b.id) IN ((2, 3), (3, 2))
            """);

        (await database.VerifyAsync()).ShouldBe(new AuditVerification(false, 5, new AuditChainBreak(2, AuditVerifier.HashMismatch)));
    }

    [Fact]
    public async Task Verify_WhenTwoRowsSwapIds_ReportsTheFirstOutOfPlace()
    {
        await using var database = await AuditDatabase.CreateAsync();
        await database.AppendAsync(5);

        // Reorder the other way: the rows keep their contents and trade places in id order.
        await database.ExecuteBypassingTriggersAsync("""
            UPDATE audit_entries SET id = -id WHERE id IN (2, 3);
            UPDATE audit_entries SET id = CASE id WHEN -2 THEN 3 ELSE 2 END WHERE id IN (-2, -3);
            """);

        (await database.VerifyAsync()).FirstBadEntry.ShouldBe(new AuditChainBreak(2, AuditVerifier.HashMismatch));
    }
}
