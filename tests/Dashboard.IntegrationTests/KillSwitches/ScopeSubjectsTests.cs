using Dashboard.Core.Accounts;
using Dashboard.Core.KillSwitches;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.IntegrationTests.Integrations;
using static Dashboard.IntegrationTests.Integrations.AdminFleet;

namespace Dashboard.IntegrationTests.KillSwitches;

public sealed class ScopeSubjectsTests : IAsyncLifetime
{
    private string connectionString = "";
    private AdminFleet Fleet => new(connectionString);
    private ScopeSubjects Subjects => new(Fleet);

    public async Task InitializeAsync() => connectionString = await TestPostgres.CreateDatabaseAsync(nameof(ScopeSubjectsTests));

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(connectionString);

    [Fact]
    public async Task ResolveAccountsAsync_TakesIdsAndEmailsInAnyCase_AndNamesWhatMatchesNothing()
    {
        var ann = Account("ann@example.test");
        var ben = Account("ben@example.test");
        await SaveAsync(ann, ben);

        var resolved = await Subjects.ResolveAccountsAsync(
            [" ANN@Example.test ", ben.Id.ToString(), "nobody@example.test", Guid.Empty.ToString(), "ann@example.test", ""]);

        resolved.Found.ShouldBe([new AccountRef(ann.Id, ann.Email), new AccountRef(ben.Id, ben.Email)]);
        resolved.Unknown.ShouldBe(["nobody@example.test", Guid.Empty.ToString()]);
    }

    [Fact]
    public async Task UnknownSerialsAsync_MatchesCanonically_AndReturnsTheMissingOnes()
    {
        await SaveAsync(Device("CAM-1", owner: null));

        var unknown = await Subjects.UnknownSerialsAsync([" cam-1 ", "cam-9", "CAM-9"]);

        unknown.ShouldBe(["CAM-9"]);
        (await Subjects.UnknownSerialsAsync([])).ShouldBeEmpty();
    }

    [Fact]
    public async Task AccountEmailsAsync_MapsKnownIdsAndLeavesOutMissingOnes()
    {
        var ann = Account("ann@example.test");
        await SaveAsync(ann);

        var emails = await Subjects.AccountEmailsAsync([ann.Id, Guid.Empty]);

        emails.ShouldBe(new Dictionary<Guid, string> { [ann.Id] = "ann@example.test" });
    }

    private async Task SaveAsync(params object[] rows)
    {
        await using var db = Fleet.CreateDbContext();
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }
}
