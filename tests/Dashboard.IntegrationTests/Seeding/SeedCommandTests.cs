using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.Web.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Seeding;

/// <summary><c>seed --devices N</c> run against the app's services and database, as the host runs it.</summary>
public sealed class SeedCommandTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task Run_WithDevices_AddsThemAfterTheExistingOnesAndPrintsTheRate()
    {
        await using var db = app.CreateDbContext();
        var before = await db.Devices.CountAsync();
        var output = new StringWriter();
        var errors = new StringWriter();

        var exitCode = await SeedCommand.Parse(["--devices", "2500"], output, errors).RunAsync(app.Services);
        var secondExitCode = await SeedCommand.Parse(["--devices=100"], output, errors).RunAsync(app.Services);

        (exitCode, secondExitCode).ShouldBe((0, 0));
        errors.ToString().ShouldBeEmpty();
        (await db.Devices.CountAsync()).ShouldBe(before + 2600);
        var text = output.ToString();
        text.ShouldContain("2,500 / 2,500 devices");
        text.ShouldContain("Seeded fleet indexes 0..2,499");
        text.ShouldContain("Seeded fleet indexes 2,500..2,599");
        text.ShouldContain("devices/s");
        (await db.AuditEntries.CountAsync(e => e.Action == "fleet.seeded")).ShouldBe(2);
    }
}
