using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Dashboard.IntegrationTests.Hosting;

public sealed class SchemaCheckTests
{
    private sealed class ProductionApp(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Dashboard", connectionString);
            builder.UseSetting("Database:ApplyMigrationsOnStartup", "false");
            builder.UseSetting("Database:SeedDemoData", "false");
        }
    }

    [Fact]
    public async Task Start_WhenSchemaIsNotMigratedAndMigrationsAreOff_RefusesWithWhatToDo()
    {
        var name = "schema_check_" + Guid.NewGuid().ToString("N")[..12];
        var admin = await TestPostgres.AdminConnectionStringAsync();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var empty = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;

        await using var app = new ProductionApp(empty);
        var failure = Should.Throw<Exception>(() => app.CreateClient());

        var schema = failure as SchemaOutOfDateException ?? failure.InnerException as SchemaOutOfDateException;
        schema.ShouldNotBeNull($"expected a schema message, got {failure}");
        schema.Message.ShouldContain("Database__ApplyMigrationsOnStartup=true");
        schema.Pending.ShouldNotBeEmpty();
        await TestPostgres.DropDatabaseAsync(empty);
    }
}
