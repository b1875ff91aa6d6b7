using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Dashboard.IntegrationTests.Migrations;

/// <summary>The migrations, the model and the committed SQL script must agree.</summary>
public sealed class MigrationTests
{
    private const string ScriptPath = "migrations/sql/migrations.sql";

    private const string Regenerate =
        "dotnet ef migrations script --idempotent --project migrations/Dashboard.Migrations " +
        "--startup-project migrations/Dashboard.Migrations -o migrations/sql/migrations.sql";

    // Generating SQL needs the provider, not a server.
    private static Core.Data.DashboardDbContext OfflineContext() => TestPostgres.CreateDbContext("Host=unused;Database=unused");

    [Fact]
    public void Model_HasNoChangesMissingAMigration()
    {
        using var db = OfflineContext();

        db.Database.HasPendingModelChanges().ShouldBeFalse(
            "The model has changes no migration captures. Add one: dotnet ef migrations add <Name> " +
            "--project migrations/Dashboard.Migrations --startup-project migrations/Dashboard.Migrations " +
            "--output-dir Migrations, then regenerate the script: " + Regenerate);
    }

    [Fact]
    public void CommittedScript_MatchesWhatTheMigrationsGenerate()
    {
        using var db = OfflineContext();
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var committed = File.ReadAllText(RepositoryFile(ScriptPath));

        Normalize(committed).ShouldBe(Normalize(generated),
            $"{ScriptPath} is stale. Regenerate it from the repository root: {Regenerate}");
    }

    [Fact]
    public async Task CommittedScript_AppliedTwiceToAnEmptyDatabase_GivesTheMigratedSchema()
    {
        var empty = await CreateEmptyDatabaseAsync();
        try
        {
            var script = File.ReadAllText(RepositoryFile(ScriptPath));

            await ExecuteAsync(empty, script);
            await ExecuteAsync(empty, script); // Idempotent: the second run changes nothing and does not fail.

            await using var db = TestPostgres.CreateDbContext(empty);
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            db.Database.GetMigrations().ShouldBe(await db.Database.GetAppliedMigrationsAsync());
            var refused = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(empty, "TRUNCATE audit_entries"));
            refused.SqlState.ShouldBe(PostgresErrorCodes.RestrictViolation);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(empty);
        }
    }

    private static string Normalize(string sql) =>
        sql.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim();

    private static async Task<string> CreateEmptyDatabaseAsync()
    {
        var server = await TestPostgres.GetServerAsync();
        var name = "script_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server.ConnectionString("postgres"), $"CREATE DATABASE {name} TEMPLATE template0");
        return server.ConnectionString(name);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A file of the repository (see <see cref="Deployment.RepositoryFiles"/>).</summary>
    private static string RepositoryFile(string relative) => Deployment.RepositoryFiles.PathOf(relative);
}
