using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;

namespace Dashboard.IntegrationTests.Ownership;

/// <summary>Claim, transfer and release through the staff API: what each writes, and what checks answer right after.</summary>
public sealed class OwnershipOperationTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Claim_UnownedDevice_Returns200WithTheOwnerAndAccessFromTheEngine()
    {
        var world = app.World();
        var integration = await world.AddIntegrationAsync();
        var account = await world.AddAccountAsync();
        // The account links the integration through another device it owns: a link, but no exposure of the new one.
        await world.AddDeviceAsync(account, integration);
        var serial = await world.AddDeviceAsync(owner: null);
        using var support = app.CreateClient(OwnershipApi.SupportToken);

        var device = await (await support.ClaimAsync(serial.ToLowerInvariant(), new { account, reason = "bought in store" })).JsonAsync();

        device.Keys().ShouldBe(["serial", "mac", "model", "firmware", "region", "status", "owner", "ownershipVersion", "access"]);
        device["serial"].Text().ShouldBe(serial);
        device["owner"]!["id"].Text().ShouldBe(account.ToString());
        device["ownershipVersion"]!.GetValue<long>().ShouldBe(1);
        device.AccessLines().ShouldBe([
            $"{integration.Key} stream deny not_exposed",
            $"{integration.Key} snapshot deny not_exposed",
            $"{integration.Key} events deny not_exposed",
            $"{integration.Key} control deny not_exposed",
        ]);
        using var bridge = app.CreateClient(integration.BridgeKey);
        (await bridge.CheckAsync(account, serial)).Reason.ShouldBe("not_exposed");
        var history = await support.HistoryAsync(serial);
        history.Count.ShouldBe(1);
        history[0]!["kind"].Text().ShouldBe("claimed");
        history[0]!["from"].ShouldBeNull();
        history[0]!["to"]!["id"].Text().ShouldBe(account.ToString());
        history[0]!["actor"].Text().ShouldBe(OwnershipApi.SupportEmail);
        history[0]!["reason"].Text().ShouldBe("bought in store");
        var audit = await OwnershipApi.AuditAsync(app, "device", serial);
        audit.Select(a => a.Action).ShouldBe(["device.claimed"]);
        audit[0].Reason.ShouldBe("bought in store");
    }

    [Fact]
    public async Task Transfer_RemovesTheOldOwnersExposuresAndTheOldOwnerIsNotOwnerWhenThe200Returns()
    {
        var world = app.World();
        var integration = await world.AddIntegrationAsync();
        var oldOwner = await world.AddAccountAsync();
        var newOwner = await world.AddAccountAsync();
        var serial = await world.AddDeviceAsync(oldOwner, integration);
        using var bridge = app.CreateClient(integration.BridgeKey);
        using var support = app.CreateClient(OwnershipApi.SupportToken);
        // Answered (and cached) before: the 200 must not leave this allow behind.
        (await bridge.CheckAsync(oldOwner, serial)).Reason.ShouldBe("allowed");
        var before = await support.DeviceAsync(serial);
        before.AccessLines().ShouldContain($"{integration.Key} stream allow allowed");

        var device = await (await support.TransferAsync(serial, new
        {
            toAccount = newOwner, reason = "sold second hand", expectedOwnershipVersion = before["ownershipVersion"]!.GetValue<long>(),
        })).JsonAsync();

        (await bridge.CheckAsync(oldOwner, serial)).Reason.ShouldBe("not_owner");
        (await bridge.CheckAsync(newOwner, serial)).Reason.ShouldBe("not_linked");
        device["owner"]!["id"].Text().ShouldBe(newOwner.ToString());
        device["ownershipVersion"]!.GetValue<long>().ShouldBe(before["ownershipVersion"]!.GetValue<long>() + 1);
        // The new owner has no link yet: nothing to list.
        device.AccessLines().ShouldBeEmpty();
        (await OwnershipApi.ExposureCountAsync(app, serial)).ShouldBe(0);
        var last = (await support.HistoryAsync(serial)).Last()!;
        last["kind"].Text().ShouldBe("transferred");
        last["from"]!["id"].Text().ShouldBe(oldOwner.ToString());
        last["to"]!["id"].Text().ShouldBe(newOwner.ToString());
        last["reason"].Text().ShouldBe("sold second hand");
        (await OwnershipApi.AuditAsync(app, "device", serial)).Select(a => a.Action).ShouldBe(["device.transferred"]);
    }

    [Fact]
    public async Task Release_LeavesTheDeviceUnownedWithNoAccessAndTheOldOwnerNotOwner()
    {
        var world = app.World();
        var integration = await world.AddIntegrationAsync();
        var owner = await world.AddAccountAsync();
        var serial = await world.AddDeviceAsync(owner, integration);
        using var bridge = app.CreateClient(integration.BridgeKey);
        using var support = app.CreateClient(OwnershipApi.SupportToken);
        (await bridge.CheckAsync(owner, serial)).Reason.ShouldBe("allowed");

        var device = await (await support.ReleaseAsync(serial, new { reason = "returned for refund" })).JsonAsync();

        device["owner"].ShouldBeNull();
        device.AccessLines().ShouldBeEmpty();
        (await bridge.CheckAsync(owner, serial)).Reason.ShouldBe("not_owner");
        (await OwnershipApi.ExposureCountAsync(app, serial)).ShouldBe(0);
        var last = (await support.HistoryAsync(serial)).Last()!;
        last["kind"].Text().ShouldBe("released");
        last["to"].ShouldBeNull();
        (await OwnershipApi.VerifyAuditAsync(app)).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task ClaimTransferRelease_HistoryIsOldestFirstAndOwnerAtAnswersForEachMoment()
    {
        var world = app.World();
        var first = await world.AddAccountAsync();
        var second = await world.AddAccountAsync();
        var serial = await world.AddDeviceAsync(owner: null);
        using var support = app.CreateClient(OwnershipApi.SupportToken);
        var beforeClaim = DateTime.UtcNow.AddSeconds(-1);

        (await support.ClaimAsync(serial, new { account = first, reason = "r1" })).EnsureSuccessStatusCode();
        (await support.TransferAsync(serial, new { toAccount = second, reason = "r2" })).EnsureSuccessStatusCode();
        (await support.ReleaseAsync(serial, new { reason = "r3" })).EnsureSuccessStatusCode();
        var history = await support.HistoryAsync(serial);

        history.Select(e => e!["kind"].Text()).ShouldBe(["claimed", "transferred", "released"]);
        history.Select(e => e!["reason"].Text()).ShouldBe(["r1", "r2", "r3"]);
        history[0].Keys().ShouldBe(["at", "kind", "from", "to", "actor", "reason"]);
        history.Select(e => e!["at"].Text()).ShouldAllBe(at => at.EndsWith('Z'));
        var times = history.Select(e => DateTime.Parse(e!["at"].Text(), null, System.Globalization.DateTimeStyles.RoundtripKind)).ToList();
        times.ShouldBeInOrder();

        (await OwnerAtAsync(support, serial, beforeClaim)).ShouldBeNull();
        (await OwnerAtAsync(support, serial, times[0])).ShouldBe(first.ToString());
        (await OwnerAtAsync(support, serial, times[1])).ShouldBe(second.ToString());
        (await OwnerAtAsync(support, serial, times[2])).ShouldBeNull();
    }

    [Fact]
    public async Task OwnerAt_EchoesTheInstantInUtcWithTheOwnersIdAndEmail()
    {
        using var support = app.CreateClient(OwnershipApi.SupportToken);

        var answer = await (await support.GetAsync(
            $"/api/v1/devices/DEMO-CAM-0001/owner-at?at={Uri.EscapeDataString("2100-01-01T01:00:00+01:00")}")).JsonAsync();

        answer.Keys().ShouldBe(["at", "owner"]);
        answer["at"].Text().ShouldBe("2100-01-01T00:00:00Z");
        answer["owner"]!["email"].Text().ShouldBe("alice@demo.test");
    }

    private static async Task<string?> OwnerAtAsync(HttpClient client, string serial, DateTime at)
    {
        var instant = at.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture);
        var answer = await (await client.GetAsync($"/api/v1/devices/{serial}/owner-at?at={Uri.EscapeDataString(instant)}")).JsonAsync();
        return answer["owner"]?["id"]?.GetValue<string>();
    }
}
