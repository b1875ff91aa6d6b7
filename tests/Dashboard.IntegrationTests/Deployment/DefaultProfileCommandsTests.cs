using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Deployment;

/// <summary>
/// The one-off commands with the default launch profile (Development, whose service validation checks every
/// registration at start), as the README writes them: they build a host without the web registrations.
/// </summary>
public sealed class DefaultProfileCommandsTests
{
    [Fact]
    public async Task CreateAdmin_AndSeed_WithTheDefaultProfile_StartAndDoTheirWork()
    {
        var database = await TestPostgres.CreateEmptyDatabaseAsync("default_profile_commands");
        try
        {
            var environment = new Dictionary<string, string> { ["ConnectionStrings__Dashboard"] = database };

            var created = await AppCommand.RunAsync(
                "dotnet run --project src/Dashboard.Web -- create-admin --email first@example.com", environment);
            var seeded = await AppCommand.RunAsync("dotnet run --project src/Dashboard.Web -- seed --devices 3", environment);

            created.ExitCode.ShouldBe(0, created.ToString());
            created.Output.ShouldContain("Created VendorAdmin first@example.com.");
            seeded.ExitCode.ShouldBe(0, seeded.ToString());
            await using var db = TestPostgres.CreateDbContext(database);
            (await db.Users.CountAsync(u => u.Email == "first@example.com")).ShouldBe(1);
            (await db.Devices.CountAsync()).ShouldBe(3);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }
}
