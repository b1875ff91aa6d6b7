using System.Net.Http.Json;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;

namespace Dashboard.IntegrationTests.Ownership;

/// <summary><c>access</c> in <c>GET /api/v1/devices/{serial}</c>: the engine's answers for the owner's linked integrations.</summary>
public sealed class DeviceAccessApiTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_DemoCam0002_ListsEachLinkedIntegrationsActionsWithTheEnginesReasons()
    {
        using var support = app.CreateClient(OwnershipApi.SupportToken);

        var device = await support.DeviceAsync("DEMO-CAM-0002");

        // alice links alexa (exposes 0001 and 0002) and google-assistant (exposes 0001 only); not ifttt.
        device.AccessLines().ShouldBe([
            "alexa stream allow allowed",
            "alexa snapshot allow allowed",
            "alexa events allow allowed",
            "alexa control allow allowed",
            "google-assistant stream deny not_exposed",
            "google-assistant snapshot deny not_exposed",
            "google-assistant events deny not_exposed",
            "google-assistant control deny not_exposed",
        ]);
        device["access"]![0].Keys().ShouldBe(["integration", "action", "decision", "reason"]);
    }

    [Fact]
    public async Task Get_UnownedDevice_HasNoAccess()
    {
        using var support = app.CreateClient(OwnershipApi.SupportToken);

        (await support.DeviceAsync("DEMO-CAM-0004")).AccessLines().ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_WhenAKillSwitchCoversAnAction_ShowsKillSwitchForIt()
    {
        var world = app.World();
        var integration = await world.AddIntegrationAsync();
        var owner = await world.AddAccountAsync();
        var serial = await world.AddDeviceAsync(owner, integration);
        using var admin = app.CreateClient("dev-admin-token");
        (await admin.PostAsJsonAsync("/api/v1/kill-switches", new
        {
            scope = new { integration = integration.Key, actions = new[] { "control" } }, reason = "drill",
        })).EnsureSuccessStatusCode();

        var device = await admin.DeviceAsync(serial);

        device.AccessLines().ShouldBe([
            $"{integration.Key} stream allow allowed",
            $"{integration.Key} snapshot allow allowed",
            $"{integration.Key} events allow allowed",
            $"{integration.Key} control deny kill_switch",
        ]);
    }

    [Theory]
    [InlineData("DEMO-CAM-0001", "alice")]
    [InlineData("DEMO-CAM-0002", "alice")]
    [InlineData("DEMO-CAM-0003", "bob")]
    public async Task Get_EveryAccessRow_IsWhatTheDecisionApiAnswersTheOwnersBridge(string serial, string owner)
    {
        await app.LoadBridgeKeysAsync();
        var ownerId = await DemoFixtureApp.AccountIdAsync(app, owner);
        using var support = app.CreateClient(OwnershipApi.SupportToken);

        var rows = (await support.DeviceAsync(serial))["access"]!.AsArray();

        rows.Count.ShouldBeGreaterThan(0);
        foreach (var row in rows)
        {
            using var bridge = app.CreateClient("dev-bridge-" + row!["integration"].Text());
            var check = await bridge.CheckAsync(ownerId, serial, row["action"].Text());
            $"{check.Decision} {check.Reason}".ShouldBe($"{row["decision"].Text()} {row["reason"].Text()}", row.ToJsonString());
        }
    }
}
