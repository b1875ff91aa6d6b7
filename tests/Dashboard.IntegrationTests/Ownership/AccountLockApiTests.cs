using System.Net.Http.Json;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;

namespace Dashboard.IntegrationTests.Ownership;

/// <summary>Locking and unlocking an account: 200 with the account, audited, and checks follow at once.</summary>
public sealed class AccountLockApiTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LockThenUnlock_ChecksAnswerAccountLockedThenAllowedRightAfterEach200()
    {
        var world = app.World();
        var integration = await world.AddIntegrationAsync();
        var account = await world.AddAccountAsync();
        var serial = await world.AddDeviceAsync(account, integration);
        using var bridge = app.CreateClient(integration.BridgeKey);
        using var support = app.CreateClient(OwnershipApi.SupportToken);
        (await bridge.CheckAsync(account, serial)).Reason.ShouldBe("allowed");

        var locked = await (await support.PostAsJsonAsync($"/api/v1/accounts/{account}/lock", new { reason = "chargeback fraud" })).JsonAsync();

        locked.Keys().ShouldBe(["id", "email", "displayName", "status", "deviceCount"]);
        locked["id"].Text().ShouldBe(account.ToString());
        locked["status"].Text().ShouldBe("locked");
        locked["deviceCount"]!.GetValue<int>().ShouldBe(1);
        (await bridge.CheckAsync(account, serial)).Reason.ShouldBe("account_locked");
        (await support.DeviceAsync(serial)).AccessLines().ShouldAllBe(line => line.EndsWith("deny account_locked"));

        var unlocked = await (await support.PostAsJsonAsync($"/api/v1/accounts/{account}/unlock", new { reason = "cleared" })).JsonAsync();

        unlocked["status"].Text().ShouldBe("active");
        (await bridge.CheckAsync(account, serial)).Reason.ShouldBe("allowed");
        var audit = await OwnershipApi.AuditAsync(app, "account", account.ToString());
        audit.Select(a => a.Action).ShouldBe(["account.locked", "account.unlocked"]);
        audit.Select(a => a.Reason).ShouldBe(["chargeback fraud", "cleared"]);
        (await OwnershipApi.VerifyAuditAsync(app)).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task Lock_OfALockedAccount_Is409AndAuditsNothingMore()
    {
        var account = await app.World().AddAccountAsync();
        using var support = app.CreateClient(OwnershipApi.SupportToken);
        (await support.PostAsJsonAsync($"/api/v1/accounts/{account}/lock", new { reason = "r" })).EnsureSuccessStatusCode();

        var problem = await (await support.PostAsJsonAsync($"/api/v1/accounts/{account}/lock", new { reason = "again" })).ProblemAsync(409);

        problem["detail"].Text().ShouldContain("already locked");
        (await OwnershipApi.AuditAsync(app, "account", account.ToString())).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Unlock_OfAnActiveAccount_Is409()
    {
        var account = await app.World().AddAccountAsync();
        using var support = app.CreateClient(OwnershipApi.SupportToken);

        var problem = await (await support.PostAsJsonAsync($"/api/v1/accounts/{account}/unlock", new { reason = "r" })).ProblemAsync(409);

        problem["detail"].Text().ShouldContain("not locked");
        (await OwnershipApi.AuditAsync(app, "account", account.ToString())).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("lock")]
    [InlineData("unlock")]
    public async Task LockOrUnlock_OfAnUnknownAccount_Is404(string operation)
    {
        using var support = app.CreateClient(OwnershipApi.SupportToken);

        await (await support.PostAsJsonAsync($"/api/v1/accounts/{Guid.NewGuid()}/{operation}", new { reason = "r" })).ProblemAsync(404);
    }

    [Fact]
    public async Task Lock_WithANonUuidId_Is400NamingId()
    {
        using var support = app.CreateClient(OwnershipApi.SupportToken);

        var response = await support.PostAsJsonAsync("/api/v1/accounts/bob/lock", new { reason = "r" });

        (await response.ValidationErrorsForAsync("id")).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Lock_WithoutAReason_Is400NamingReasonAndLocksNothing(string? reason)
    {
        var account = await app.World().AddAccountAsync();
        using var support = app.CreateClient(OwnershipApi.SupportToken);

        var response = await support.PostAsJsonAsync($"/api/v1/accounts/{account}/lock", new { reason });

        (await response.ValidationErrorsForAsync("reason")).ShouldNotBeEmpty();
        var page = await (await support.GetAsync($"/api/v1/accounts?query={account}")).JsonAsync();
        page.Items().Single()["status"].Text().ShouldBe("active");
    }
}
