using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Core.Auth;
using Dashboard.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Auth;

public sealed partial class CreateAdminCommandTests(AuthAppFactory app) : IClassFixture<AuthAppFactory>
{
    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string? email)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await new CreateAdminCommand(email, output, error).RunAsync(app.Services);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Run_CreatesAVendorAdminWhoCanSignInWithThePrintedPassword()
    {
        var email = $"First.Admin-{Guid.NewGuid():N}@Example.com";

        var (exitCode, output, _) = await RunAsync(email);

        exitCode.ShouldBe(CreateAdminCommand.Created);
        var password = OneTimePasswordLine().Match(output).Groups[1].Value;
        password.Length.ShouldBe(20);
        var client = app.CreateBrowserLikeClient();
        await SignInForm.SignInAsync(client, email, password);
        (await client.GetAsync("/admin/tokens")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Run_AuditsTheCreationWithoutTheEmailInTheChainedData()
    {
        var email = $"audited-{Guid.NewGuid():N}@example.com";

        (await RunAsync(email)).ExitCode.ShouldBe(CreateAdminCommand.Created);

        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "user.created" && e.EntityId == user.Id);
        entry.Actor.ShouldBe("system");
        entry.Data.ShouldNotBeNull().ShouldContain(Roles.VendorAdmin);
        entry.Data.ShouldNotContain(email);
    }

    [Fact]
    public async Task Run_WhenEmailAlreadyExists_RefusesAndCreatesNothing()
    {
        var email = $"twice-{Guid.NewGuid():N}@example.com";
        (await RunAsync(email)).ExitCode.ShouldBe(CreateAdminCommand.Created);

        var (exitCode, output, error) = await RunAsync(email.ToUpperInvariant());

        exitCode.ShouldBe(CreateAdminCommand.Refused);
        error.ShouldContain("already exists");
        output.ShouldBeEmpty();
        await using var db = app.CreateDbContext();
        (await db.Users.CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant())).ShouldBe(1);
    }

    [Fact]
    public async Task Run_WhenEmailIsInvalid_ExitsNonZeroWithAClearMessage()
    {
        var (exitCode, _, error) = await RunAsync("admin@");

        exitCode.ShouldBe(CreateAdminCommand.UsageError);
        error.ShouldContain("not a valid email address");
    }

    [GeneratedRegex(@"One-time password \(shown only now\): (\S+)")]
    private static partial Regex OneTimePasswordLine();
}
