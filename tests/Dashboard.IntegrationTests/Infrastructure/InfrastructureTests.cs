using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Infrastructure;

public sealed class DatabaseFixtureTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task CreateDbContext_GivesAFullyMigratedDatabase()
    {
        await using var db = database.CreateDbContext();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task CreateDatabaseAsync_GivesEachCallerItsOwnDatabase()
    {
        var other = await TestPostgres.CreateDatabaseAsync("other");
        try
        {
            await using var mine = database.CreateDbContext();
            await using var theirs = TestPostgres.CreateDbContext(other);
            await mine.Database.ExecuteSqlRawAsync("CREATE TABLE only_here(v int)");

            var visible = await theirs.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM pg_tables WHERE tablename = 'only_here'").SingleAsync();

            visible.ShouldBe(0);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(other);
        }
    }
}

public sealed class DashboardAppFactoryTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task CreateClient_ReachesTheAppOverItsOwnDatabase()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/healthz");

        response.IsSuccessStatusCode.ShouldBeTrue();
        await using var db = app.CreateDbContext();
        db.Database.GetConnectionString().ShouldBe(app.ConnectionString);
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public void CreateClient_WithToken_SendsItAsBearer()
    {
        using var client = app.CreateClient("some-token");

        client.DefaultRequestHeaders.Authorization!.ToString().ShouldBe("Bearer some-token");
    }
}
