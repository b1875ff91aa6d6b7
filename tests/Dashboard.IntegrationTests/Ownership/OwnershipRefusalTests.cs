using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;

namespace Dashboard.IntegrationTests.Ownership;

/// <summary>Every refused ownership operation: the status, a message that says why, and nothing written.</summary>
public sealed class OwnershipRefusalTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Support() => app.CreateClient(OwnershipApi.SupportToken);

    [Fact]
    public async Task Claim_OfAnOwnedDevice_Is409AndWritesNothing()
    {
        var (owner, other, serial) = await OwnedDeviceAsync();
        using var support = Support();

        var problem = await (await support.ClaimAsync(serial, new { account = other, reason = "r" })).ProblemAsync(409);

        problem["detail"].Text().ShouldContain("already owned");
        await ShouldBeUnchangedAsync(serial, owner);
    }

    [Fact]
    public async Task Transfer_OfAnUnownedDevice_Is409()
    {
        var world = app.World();
        var account = await world.AddAccountAsync();
        var serial = await world.AddDeviceAsync(owner: null);
        using var support = Support();

        var problem = await (await support.TransferAsync(serial, new { toAccount = account, reason = "r" })).ProblemAsync(409);

        problem["detail"].Text().ShouldContain("has no owner");
        await ShouldBeUnchangedAsync(serial, owner: null);
    }

    [Fact]
    public async Task Transfer_ToTheCurrentOwner_Is409()
    {
        var (owner, _, serial) = await OwnedDeviceAsync();
        using var support = Support();

        var problem = await (await support.TransferAsync(serial, new { toAccount = owner, reason = "r" })).ProblemAsync(409);

        problem["detail"].Text().ShouldContain("already owned");
        await ShouldBeUnchangedAsync(serial, owner);
    }

    [Fact]
    public async Task Release_OfAnUnownedDevice_Is409()
    {
        var serial = await app.World().AddDeviceAsync(owner: null);
        using var support = Support();

        var problem = await (await support.ReleaseAsync(serial, new { reason = "r" })).ProblemAsync(409);

        problem["detail"].Text().ShouldContain("nothing to release");
        await ShouldBeUnchangedAsync(serial, owner: null);
    }

    [Theory]
    [InlineData("claim")]
    [InlineData("transfer")]
    [InlineData("release")]
    public async Task AnyOperation_WithAStaleExpectedOwnershipVersion_Is409AndWritesNothing(string operation)
    {
        var (owner, other, serial) = await OwnedDeviceAsync();
        if (operation == "claim")
        {
            serial = await app.World().AddDeviceAsync(owner: null);
            owner = Guid.Empty;
        }
        var version = await OwnershipApi.OwnershipVersionAsync(app, serial);
        using var support = Support();

        var response = operation switch
        {
            "claim" => await support.ClaimAsync(serial, new { account = other, reason = "r", expectedOwnershipVersion = version + 1 }),
            "transfer" => await support.TransferAsync(serial, new { toAccount = other, reason = "r", expectedOwnershipVersion = version - 1 }),
            _ => await support.ReleaseAsync(serial, new { reason = "r", expectedOwnershipVersion = version + 7 }),
        };

        var problem = await response.ProblemAsync(409);
        problem["detail"].Text().ShouldContain($"ownership version {version}");
        await ShouldBeUnchangedAsync(serial, owner == Guid.Empty ? null : owner);
    }

    [Theory]
    [InlineData("claim")]
    [InlineData("transfer")]
    [InlineData("release")]
    public async Task AnyOperation_OnAnUnknownSerial_Is404(string operation)
    {
        var account = await app.World().AddAccountAsync();
        using var support = Support();

        var response = await PostAsync(support, operation, "NOPE-0000", account, "r");

        (await response.ProblemAsync(404))["detail"].Text().ShouldContain("NOPE-0000");
    }

    [Theory]
    [InlineData("claim", null)]
    [InlineData("claim", "")]
    [InlineData("transfer", "   ")]
    [InlineData("transfer", null)]
    [InlineData("release", "")]
    [InlineData("release", " \t ")]
    public async Task AnyOperation_WithoutAReason_Is400NamingReasonAndWritesNothing(string operation, string? reason)
    {
        var (owner, other, serial) = await OwnedDeviceAsync();
        if (operation == "claim")
        {
            serial = await app.World().AddDeviceAsync(owner: null);
        }
        using var support = Support();

        var response = await PostAsync(support, operation, serial, other, reason);

        (await response.ValidationErrorsForAsync("reason")).ShouldNotBeEmpty();
        await ShouldBeUnchangedAsync(serial, operation == "claim" ? null : owner);
    }

    [Fact]
    public async Task Transfer_ToAnUnknownAccount_Is400NamingToAccount()
    {
        var (owner, _, serial) = await OwnedDeviceAsync();
        using var support = Support();

        var response = await support.TransferAsync(serial, new { toAccount = Guid.NewGuid(), reason = "r" });

        (await response.ValidationErrorsForAsync("toAccount")).ShouldNotBeEmpty();
        await ShouldBeUnchangedAsync(serial, owner);
    }

    [Fact]
    public async Task Claim_ForAnUnknownAccount_Is400NamingAccount()
    {
        var serial = await app.World().AddDeviceAsync(owner: null);
        using var support = Support();

        var response = await support.ClaimAsync(serial, new { account = Guid.NewGuid(), reason = "r" });

        (await response.ValidationErrorsForAsync("account")).ShouldNotBeEmpty();
        await ShouldBeUnchangedAsync(serial, owner: null);
    }

    [Theory]
    [InlineData("transfer", "toAccount", "not-a-uuid")]
    [InlineData("transfer", "toAccount", "")]
    [InlineData("claim", "account", "12345")]
    public async Task Operation_WithANonUuidAccount_Is400NamingTheField(string operation, string field, string value)
    {
        var (_, _, serial) = await OwnedDeviceAsync();
        using var support = Support();
        var body = new Dictionary<string, object> { [field] = value, ["reason"] = "r" };

        var response = operation == "claim" ? await support.ClaimAsync(serial, body) : await support.TransferAsync(serial, body);

        (await response.ValidationErrorsForAsync(field)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Release_WithAReasonLongerThanTheLedgerKeeps_Is400NamingReason()
    {
        var (owner, _, serial) = await OwnedDeviceAsync();
        using var support = Support();

        var response = await support.ReleaseAsync(serial, new { reason = new string('x', 1001) });

        (await response.ValidationErrorsForAsync("reason")).ShouldNotBeEmpty();
        await ShouldBeUnchangedAsync(serial, owner);
    }

    [Fact]
    public async Task Release_WithAnExpectedVersionThatIsNotANumber_Is400NamingIt()
    {
        var (_, _, serial) = await OwnedDeviceAsync();
        using var support = Support();

        var response = await support.ReleaseAsync(serial, new { reason = "r", expectedOwnershipVersion = "3" });

        (await response.ValidationErrorsForAsync("expectedOwnershipVersion")).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("history")]
    [InlineData("owner-at?at=2026-01-01T00:00:00Z")]
    public async Task Reads_OfAnUnknownSerial_Are404(string path)
    {
        using var support = Support();

        await (await support.GetAsync($"/api/v1/devices/NOPE-0000/{path}")).ProblemAsync(404);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?at=")]
    [InlineData("?at=yesterday")]
    [InlineData("?at=2026-13-45T00:00:00Z")]
    [InlineData("?at=01/02/2026")]
    public async Task OwnerAt_WithoutAParsableInstant_Is400NamingAt(string query)
    {
        using var support = Support();

        var response = await support.GetAsync($"/api/v1/devices/DEMO-CAM-0001/owner-at{query}");

        (await response.ValidationErrorsForAsync("at")).ShouldNotBeEmpty();
    }

    private async Task<(Guid Owner, Guid Other, string Serial)> OwnedDeviceAsync()
    {
        var world = app.World();
        var owner = await world.AddAccountAsync();
        var other = await world.AddAccountAsync();
        return (owner, other, await world.AddDeviceAsync(owner));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string operation, string serial, Guid account, string? reason) =>
        operation switch
        {
            "claim" => client.ClaimAsync(serial, new { account, reason }),
            "transfer" => client.TransferAsync(serial, new { toAccount = account, reason }),
            _ => client.ReleaseAsync(serial, new { reason }),
        };

    private async Task ShouldBeUnchangedAsync(string serial, Guid? owner)
    {
        (await OwnershipApi.LedgerCountAsync(app, serial)).ShouldBe(0);
        (await OwnershipApi.OwnershipVersionAsync(app, serial)).ShouldBe(0);
        (await OwnershipApi.AuditAsync(app, "device", serial)).ShouldBeEmpty();
        await using var db = app.CreateDbContext();
        db.Devices.Single(d => d.Serial == serial).OwnerId.ShouldBe(owner);
    }
}
