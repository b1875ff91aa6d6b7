using System.Net.Http.Json;
using Dashboard.Core.Audit;
using Dashboard.Core.Auth;
using Dashboard.Core.Integrations;
using Dashboard.Core.Privacy;
using Dashboard.Core.Seeding;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Dashboard.IntegrationTests.Ownership;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Privacy;

/// <summary>
/// Erasing a customer account (decision 0029): refused while it owns devices; afterwards its email is in no column
/// of any table, its sign-in is refused, its links are ended, and the audit chain still verifies.
/// </summary>
public sealed class AccountErasureTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    private const string AdminToken = "dev-admin-token";
    private const string AliceEmail = WellKnownDemoSecrets.AliceEmail;

    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EraseAlice_RefusedWhileSheOwnsDevices_ThenAfterRelease_HerEmailIsInNoTableAndTheChainVerifies()
    {
        var alice = await AccountIdAsync(AliceEmail);
        using var admin = app.CreateClient(AdminToken);
        using var support = app.CreateClient(OwnershipApi.SupportToken);
        (await PersonalDataScan.FindAsync(app.ConnectionString, AliceEmail)).ShouldNotBeEmpty("the scan finds her before");

        var refused = await (await EraseAsync(admin, alice, "customer asked to be forgotten")).ProblemAsync(409);

        refused["detail"].Text().ShouldContain("still owns 2 device(s)");
        (await AccountIdAsync(AliceEmail)).ShouldBe(alice, "nothing changed");
        (await OwnershipApi.AuditAsync(app, "account", alice.ToString())).ShouldBeEmpty();

        // Staff typed her email and name into the release reasons: erasure must reach those too.
        foreach (var serial in new[] { "DEMO-CAM-0001", "DEMO-CAM-0002" })
        {
            (await support.ReleaseAsync(serial, new
            {
                reason = $"Released before erasing {AliceEmail.ToUpperInvariant()} (Alice asked by phone)",
                expectedOwnershipVersion = await OwnershipApi.OwnershipVersionAsync(app, serial),
            })).EnsureSuccessStatusCode();
        }
        // Support read her account with her email in the reason: the access record stays, its text loses her email.
        (await support.GetAsync($"/api/v1/accounts/{alice}?reason={Uri.EscapeDataString("call from " + AliceEmail)}"))
            .EnsureSuccessStatusCode();
        var report = await (await EraseAsync(admin, alice, $"GDPR request from {AliceEmail}, ticket 4711")).JsonAsync();

        report.Keys().ShouldBe(["accountId", "pseudonym", "erasedAt", "linksEnded", "steps", "revision"], ignoreOrder: true);
        var pseudonym = ErasureSubject.PseudonymFor(alice);
        report["pseudonym"].Text().ShouldBe(pseudonym);
        report["linksEnded"]!.GetValue<int>().ShouldBe(2);
        (await PersonalDataScan.FindAsync(app.ConnectionString, AliceEmail)).ShouldBeEmpty();
        await using (var db = app.CreateDbContext())
        {
            (await AuditVerifier.VerifyAsync(db)).ShouldBe(new AuditVerification(true, await db.AuditEntries.LongCountAsync(), null));
            (await db.AccountLinks.Where(l => l.AccountId == alice).Select(l => l.Status).ToListAsync())
                .ShouldAllBe(s => s == LinkStatus.Revoked);
            var erased = (await OwnershipApi.AuditAsync(app, "account", alice.ToString())).ShouldHaveSingleItem();
            erased.Action.ShouldBe(AccountErasure.AuditAction);
            erased.Reason.ShouldBe($"GDPR request from {pseudonym}, ticket 4711");
            (await db.OwnershipEvents.Where(e => e.FromAccountId == alice).Select(e => e.Reason).ToListAsync())
                .ShouldAllBe(r => r == $"Released before erasing {pseudonym} ({pseudonym} asked by phone)");
            (await db.StaffAccessRecords.Where(r => r.AccountId == alice && r.Reason != null).Select(r => r.Reason).ToListAsync())
                .ShouldBe([$"call from {pseudonym}"]);
        }
        (await PersonalDataScan.FindAsync(app.ConnectionString, "Alice asked")).ShouldBeEmpty("her name is gone from reasons too");
        foreach (var export in new[] { "/export/audit.csv", "/export/devices.csv" })
        {
            var csv = await admin.GetStringAsync(export);
            csv.ShouldNotContain(AliceEmail, Case.Insensitive, export);
        }
        (await admin.GetStringAsync($"/export/audit.csv?entity=account&entityId={alice}")).ShouldContain(AccountErasure.AuditAction);
        var releases = await (await admin.GetAsync("/api/v1/audit?entity=device&entityId=DEMO-CAM-0001")).JsonAsync();
        releases.Items().First(e => e["action"].Text() == "device.released")["reason"].Text().ShouldBe(AuditSearch.ErasedReason);
    }

    [Fact]
    public async Task ErasedAccount_CannotSignIn_AndIsShownByItsPseudonym()
    {
        var account = await app.World().AddAccountAsync();
        var email = $"{account:N}@access.test";
        const string password = "Erase-me-1";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
            (await users.CreateAsync(new DashboardUser { UserName = email, Email = email, AccountId = account, PhoneNumber = "+33 6 12 34 56 78" }, password))
                .Succeeded.ShouldBeTrue();
        }
        using var admin = app.CreateClient(AdminToken);

        (await EraseAsync(admin, account, "closing the account")).EnsureSuccessStatusCode();

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<DashboardUser>>();
            (await users.FindByEmailAsync(email)).ShouldBeNull();
            var user = (await users.Users.SingleAsync(u => u.AccountId == account));
            user.PhoneNumber.ShouldBeNull();
            user.PasswordHash.ShouldBeNull();
            (await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false)).Succeeded.ShouldBeFalse();
            (await users.IsLockedOutAsync(user)).ShouldBeTrue();
        }
        var found = (await (await admin.GetAsync($"/api/v1/accounts?query={account}")).JsonAsync()).Items().ShouldHaveSingleItem();
        found["displayName"].Text().ShouldBe(ErasureSubject.PseudonymFor(account));
        (await (await admin.GetAsync($"/api/v1/accounts?query={Uri.EscapeDataString(email)}")).JsonAsync()).Items().ShouldBeEmpty();
        (await PersonalDataScan.FindAsync(app.ConnectionString, email)).ShouldBeEmpty();
        (await PersonalDataScan.FindAsync(app.ConnectionString, "12 34 56 78")).ShouldBeEmpty();
    }

    [Fact]
    public async Task SecondErasure_Is409AndAuditsNothingMore()
    {
        var account = await app.World().AddAccountAsync();
        using var admin = app.CreateClient(AdminToken);
        (await EraseAsync(admin, account, "first")).EnsureSuccessStatusCode();

        var problem = await (await EraseAsync(admin, account, "again")).ProblemAsync(409);

        problem["detail"].Text().ShouldContain("already erased");
        (await OwnershipApi.AuditAsync(app, "account", account.ToString())).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Erasure_WithoutAReason_Is400_OfAnUnknownAccount_Is404_AndNothingIsWritten()
    {
        var account = await app.World().AddAccountAsync();
        using var admin = app.CreateClient(AdminToken);

        (await (await admin.PostAsJsonAsync($"/api/v1/accounts/{account}/erasure", new { })).ValidationErrorsForAsync("reason")).ShouldNotBeEmpty();
        (await (await EraseAsync(admin, account, "   ")).ValidationErrorsForAsync("reason")).ShouldNotBeEmpty();
        (await (await EraseAsync(admin, account, new string('r', 2001))).ValidationErrorsForAsync("reason")).ShouldNotBeEmpty();
        (await (await admin.PostAsJsonAsync("/api/v1/accounts/not-a-uuid/erasure", new { reason = "r" })).ValidationErrorsForAsync("id")).ShouldNotBeEmpty();
        (await (await EraseAsync(admin, Guid.NewGuid(), "r")).ProblemAsync(404))["detail"].Text().ShouldContain("No account");

        await using var db = app.CreateDbContext();
        (await db.Accounts.Where(a => a.Id == account).Select(a => a.ErasedAt).SingleAsync()).ShouldBeNull();
        (await OwnershipApi.AuditAsync(app, "account", account.ToString())).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"reason\":42}")]
    [InlineData("{\"reason\":[\"a\"]}")]
    [InlineData("{\"reason\":{\"text\":\"a\"}}")]
    [InlineData("{\"reason\":null}")]
    [InlineData("{\"reason\":\"\\u0000\"}")]
    [InlineData("{\"reason\":\"a\\u0000b\"}")]
    [InlineData("{\"reason\":true}")]
    public async Task Erasure_WithAHostileBody_Is400ProblemAndChangesNothing(string body)
    {
        var account = await app.World().AddAccountAsync();
        using var admin = app.CreateClient(AdminToken);

        using var response = await admin.PostAsync($"/api/v1/accounts/{account}/erasure",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ProblemAsync(400);
        await using var db = app.CreateDbContext();
        (await db.Accounts.Where(a => a.Id == account).Select(a => a.ErasedAt).SingleAsync()).ShouldBeNull();
        (await OwnershipApi.AuditAsync(app, "account", account.ToString())).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(OwnershipApi.SupportToken)]
    public async Task Erasure_BySupport_Is403AndChangesNothing(string token)
    {
        var account = await app.World().AddAccountAsync();
        using var client = app.CreateClient(token);

        (await EraseAsync(client, account, "not mine to do")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);

        await using var db = app.CreateDbContext();
        (await db.Accounts.Where(a => a.Id == account).Select(a => a.ErasedAt).SingleAsync()).ShouldBeNull();
    }

    private static Task<HttpResponseMessage> EraseAsync(HttpClient client, Guid account, string reason) =>
        client.PostAsJsonAsync($"/api/v1/accounts/{account}/erasure", new { reason });

    private async Task<Guid> AccountIdAsync(string email)
    {
        await using var db = app.CreateDbContext();
        return await db.Accounts.Where(a => a.Email == email).Select(a => a.Id).SingleAsync();
    }
}
