using Dashboard.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Audit;

public sealed class AuditLogTests
{
    [Fact]
    public async Task AppendAsync_InSeparateTransactions_BuildsAVerifiableChain()
    {
        await using var database = await AuditDatabase.CreateAsync();

        await database.AppendAsync(5);

        (await database.VerifyAsync()).ShouldBe(new AuditVerification(true, 5, null));
    }

    [Fact]
    public async Task AppendAsync_StoresTheRecordAsCanonicalJsonThatRoundTripsToTheSameHash()
    {
        await using var database = await AuditDatabase.CreateAsync();
        await database.AppendAsync(1);

        await using var db = database.CreateDbContext();
        var stored = await db.AuditEntries.AsNoTracking().SingleAsync();

        stored.Data.ShouldBe("""{"n":0,"serial":"DEMO-CAM-0000"}""");
        stored.PreviousHash.ShouldBe(AuditChain.GenesisHash);
        AuditChain.ComputeHash(stored).ShouldBe(stored.Hash);
    }

    [Fact]
    public async Task AppendAsync_OutsideATransaction_ThrowsAndWritesNothing()
    {
        await using var database = await AuditDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        await Should.ThrowAsync<InvalidOperationException>(() => database.Log.AppendAsync(db, AuditDatabase.Record(1)));

        (await db.AuditEntries.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AppendAsync_WhenTheTransactionRollsBack_LeavesNoEntryAndAnIntactChain()
    {
        await using var database = await AuditDatabase.CreateAsync();
        await database.AppendAsync(2);
        await using (var db = database.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await database.Log.AppendAsync(db, AuditDatabase.Record(99));
            await tx.RollbackAsync();
        }

        await database.AppendAsync(1);

        (await database.VerifyAsync()).ShouldBe(new AuditVerification(true, 3, null));
    }

    [Fact]
    public async Task AppendAsync_FromEightConcurrentTransactions_NeverForksTheChain()
    {
        await using var database = await AuditDatabase.CreateAsync();
        const int writers = 8, perWriter = 10;
        using var start = new SemaphoreSlim(0);

        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await start.WaitAsync();
            for (var i = 0; i < perWriter; i++)
            {
                await using var db = database.CreateDbContext();
                await using var tx = await db.Database.BeginTransactionAsync();
                // Other work in the transaction before the append widens the window a fork would need.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_sleep(0.002)");
                await database.Log.AppendAsync(db, AuditDatabase.Record(w * 100 + i));
                await tx.CommitAsync();
            }
        })).ToList();
        start.Release(writers);
        await Task.WhenAll(tasks);

        (await database.VerifyAsync()).ShouldBe(new AuditVerification(true, writers * perWriter, null));
        await using var check = database.CreateDbContext();
        var ids = await check.AuditEntries.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        ids.ShouldBe(Enumerable.Range(1, writers * perWriter).Select(i => (long)i));
        (await check.AuditEntries.Select(e => e.PreviousHash).Distinct().CountAsync()).ShouldBe(writers * perWriter);
    }
}
