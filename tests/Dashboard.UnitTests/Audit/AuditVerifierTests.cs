using Dashboard.Core.Audit;

namespace Dashboard.UnitTests.Audit;

public sealed class AuditVerifierTests
{
    private static Task<AuditVerification> Verify(IEnumerable<AuditEntry> entries) =>
        AuditVerifier.VerifyAsync(TestChain.Stream(entries));

    [Fact]
    public async Task VerifyAsync_WhenLogIsEmpty_IsOkWithNoEntries()
    {
        var result = await Verify([]);

        result.ShouldBe(new AuditVerification(true, 0, null));
    }

    [Fact]
    public async Task VerifyAsync_WhenChainIsIntact_IsOkAndCountsEntries()
    {
        var result = await Verify(TestChain.Build(5));

        result.ShouldBe(new AuditVerification(true, 5, null));
    }

    [Fact]
    public async Task VerifyAsync_WhenAnEntryIsEdited_ReportsItsHash()
    {
        var chain = TestChain.Build(5);
        chain[2].Reason = "nothing to see here";

        var result = await Verify(chain);

        result.Ok.ShouldBeFalse();
        result.Entries.ShouldBe(5);
        result.FirstBadEntry.ShouldBe(new AuditChainBreak(3, AuditVerifier.HashMismatch));
    }

    [Fact]
    public async Task VerifyAsync_WhenAnEntryIsEditedAndRehashed_ReportsTheNextEntrysLink()
    {
        var chain = TestChain.Build(5);
        chain[2].Reason = "nothing to see here";
        chain[2].Hash = AuditChain.ComputeHash(chain[2]);

        var result = await Verify(chain);

        result.FirstBadEntry.ShouldBe(new AuditChainBreak(4, "previous hash does not match entry 3"));
    }

    [Fact]
    public async Task VerifyAsync_WhenAnEntryIsRemoved_ReportsTheGapAtTheNextOne()
    {
        var chain = TestChain.Build(5);
        chain.RemoveAt(1);

        var result = await Verify(chain);

        result.Entries.ShouldBe(4);
        result.FirstBadEntry.ShouldBe(new AuditChainBreak(3, "entry 2 is missing before this one"));
    }

    [Fact]
    public async Task VerifyAsync_WhenSeveralEntriesAreRemoved_NamesTheMissingRange()
    {
        var chain = TestChain.Build(6);
        chain.RemoveRange(1, 3);

        var result = await Verify(chain);

        result.FirstBadEntry.ShouldBe(new AuditChainBreak(5, "entries 2 to 4 are missing before this one"));
    }

    [Fact]
    public async Task VerifyAsync_WhenTheFirstEntryIsRemoved_ReportsTheGapAtTheSecond()
    {
        var chain = TestChain.Build(3);
        chain.RemoveAt(0);

        var result = await Verify(chain);

        result.FirstBadEntry.ShouldBe(new AuditChainBreak(2, "entry 1 is missing before this one"));
    }

    [Fact]
    public async Task VerifyAsync_WhenTwoEntriesSwapContents_ReportsTheFirstOfThem()
    {
        var chain = TestChain.Build(5);
        (chain[1].Id, chain[2].Id) = (chain[2].Id, chain[1].Id);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        var result = await Verify(chain);

        result.FirstBadEntry.ShouldBe(new AuditChainBreak(2, AuditVerifier.HashMismatch));
    }

    [Fact]
    public async Task VerifyAsync_WhenFirstEntryDoesNotStartFromGenesis_ReportsIt()
    {
        var first = TestChain.Entry(1, new byte[32] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });

        var result = await Verify([first]);

        result.FirstBadEntry.ShouldBe(new AuditChainBreak(1, "previous hash is not the genesis hash"));
    }

    [Fact]
    public async Task VerifyAsync_AfterTheFirstBreak_StillCountsEveryEntry()
    {
        var chain = TestChain.Build(10);
        chain[0].Actor = "someone else";

        var result = await Verify(chain);

        result.Entries.ShouldBe(10);
        result.FirstBadEntry!.Id.ShouldBe(1);
    }
}
