using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.KillSwitches;

/// <summary>The contract's done-when for firing: the switch denies the moment its 201 returns, and only what it covers.</summary>
public sealed class KillSwitchFireTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Fire_AssistantStreams_DeniesThemWhenThe201ReturnsAndLeavesTheRestAllowed()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        var bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);
        using var google = app.CreateClient("dev-bridge-google-assistant");
        using var alexa = app.CreateClient("dev-bridge-alexa");
        using var ifttt = app.CreateClient("dev-bridge-ifttt");
        // Answered (and cached) before the switch: the 201 must not leave a stale allow behind.
        (await google.CheckAsync(alice, "DEMO-CAM-0001")).Reason.ShouldBe("allowed");
        (await alexa.CheckAsync(alice, "DEMO-CAM-0001")).Reason.ShouldBe("allowed");

        var fired = await admin.FireAsync(new { integrationKind = "assistant", actions = new[] { "stream" } }, "strangers' cameras on a hub");

        (await google.CheckAsync(alice, "DEMO-CAM-0001")).ShouldSatisfyAllConditions(
            a => a.Decision.ShouldBe("deny"), a => a.Reason.ShouldBe("kill_switch"));
        (await alexa.CheckAsync(alice, "DEMO-CAM-0001")).Reason.ShouldBe("kill_switch");
        (await alexa.CheckAsync(alice, "DEMO-CAM-0002")).Reason.ShouldBe("kill_switch");
        (await google.CheckAsync(bob, "DEMO-CAM-0003")).Reason.ShouldBe("kill_switch");
        (await alexa.CheckAsync(alice, "DEMO-CAM-0002", "snapshot")).Reason.ShouldBe("allowed");
        (await ifttt.CheckAsync(bob, "DEMO-CAM-0003")).Reason.ShouldBe("allowed");
        var check = await google.CheckAsync(alice, "DEMO-CAM-0001");
        check.Revision.ShouldBeGreaterThanOrEqualTo(fired["revision"]!.GetValue<long>());
    }

    [Fact]
    public async Task Fire_Returns201WithIdRevisionBlastRadiusAndCompletePropagation()
    {
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);
        // Fixture-wide region no link reaches, so this switch changes no other test's decisions.
        var scope = new { allIntegrations = true, regions = new[] { "APAC" } };

        var fired = await admin.FireAsync(scope, "drill");

        fired.Keys().ShouldBe(["id", "revision", "blastRadius", "propagation"]);
        fired.Id().ShouldNotBe(Guid.Empty);
        fired["revision"]!.GetValue<long>().ShouldBeGreaterThan(0);
        fired["blastRadius"].Keys().ShouldBe(["accounts", "devices", "links"]);
        fired["blastRadius"].Radius().ShouldBe((0L, 0L, 0L));
        var propagation = fired["propagation"]!;
        propagation.Keys().ShouldBe(["confirmed", "enforcementPoints", "expired", "elapsedMs"]);
        var points = propagation["enforcementPoints"]!.GetValue<int>();
        points.ShouldBeGreaterThanOrEqualTo(1);
        (propagation["confirmed"]!.GetValue<int>() + propagation["expired"]!.GetValue<int>()).ShouldBe(points);
    }

    [Fact]
    public async Task Fire_BlastRadiusCountsWhatTheSwitchCutsOff_AndPreviewAfterwardsCountsNothingLeft()
    {
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);
        // Only IFTTT control: bob–ifttt exposes 0003; carol–ifttt exposes nothing.
        var scope = new { integration = "ifttt", actions = new[] { "control" } };
        (await admin.PreviewAsync(scope)).Radius().ShouldBe((1L, 1L, 1L));

        var fired = await admin.FireAsync(scope, "automation misfiring");

        fired["blastRadius"].Radius().ShouldBe((1L, 1L, 1L));
        (await admin.PreviewAsync(scope)).Radius().ShouldBe((0L, 0L, 0L));
    }

    [Fact]
    public async Task Fire_StoresTheCanonicalScopeAuditsAndListsAsActive()
    {
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);

        var fired = await admin.FireAsync(new { allIntegrations = true, devices = new[] { " demo-cam-0004 ", "DEMO-CAM-0004" } }, "lost unit");
        var id = fired.Id();

        (await KillSwitchApi.AuditActionsAsync(app, id)).ShouldBe(["kill_switch.fired"]);
        await using var db = app.CreateDbContext();
        var stored = await db.KillSwitches.SingleAsync(k => k.Id == id);
        stored.Scope.Devices.ShouldBe(["DEMO-CAM-0004"]);
        stored.Revision.ShouldBe(fired["revision"]!.GetValue<long>());
        stored.Reason.ShouldBe("lost unit");

        using var response = await admin.GetAsync($"{KillSwitchApi.Path}?active=true");
        var item = (await response.JsonAsync()).Items().Single(i => i["id"].Text() == id.ToString());
        item.Keys().ShouldBe(["id", "scope", "reason", "incident", "status", "activatedBy", "activatedAt", "revision"]);
        item["status"].Text().ShouldBe("active");
        item["scope"]!.ToJsonString().ShouldBe("""{"allIntegrations":true,"devices":["DEMO-CAM-0004"]}""");
        item["activatedAt"].Text().ShouldEndWith("Z");
    }
}
