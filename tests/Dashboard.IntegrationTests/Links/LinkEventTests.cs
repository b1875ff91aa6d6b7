using System.Net;
using System.Net.Http.Json;
using Dashboard.Core.Integrations;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Links;

/// <summary>
/// The "done when" scenario with the demo fixture, word for word. Alone in its class: it changes bob's links.
/// </summary>
public sealed class LinkEventScenarioTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AlexaBridge_LinksBobThenUnlinks_DecisionsFollowAndStaffTokenIsRefused()
    {
        var bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
        using var alexa = app.CreateClient("dev-bridge-alexa");
        using var staff = app.CreateClient("dev-admin-token");

        (await alexa.CheckAsync(bob, "DEMO-CAM-0003")).Reason.ShouldBe("not_linked");

        using (var linked = await alexa.ReportLinkAsync(bob, "DEMO-CAM-0003", "DEMO-CAM-0001"))
        {
            var body = await linked.JsonAsync(201);
            body["account"].Text().ShouldBe(bob.ToString());
            body["integration"].Text().ShouldBe("alexa");
            body["exposed"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["DEMO-CAM-0003"]);
            body["ignored"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["DEMO-CAM-0001"]);
        }
        var allowed = await alexa.CheckAsync(bob, "DEMO-CAM-0003");
        (allowed.Decision, allowed.Reason).ShouldBe(("allow", "allowed"));
        (await alexa.CheckAsync(bob, "DEMO-CAM-0001")).Reason.ShouldBe("not_owner");

        using (var unlinked = await alexa.ReportUnlinkAsync(bob))
        {
            unlinked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
        (await alexa.CheckAsync(bob, "DEMO-CAM-0003")).Reason.ShouldBe("not_linked");

        using (var post = await staff.ReportLinkAsync(bob, "DEMO-CAM-0003"))
        {
            await post.ProblemAsync(403);
        }
        using (var delete = await staff.ReportUnlinkAsync(bob))
        {
            await delete.ProblemAsync(403);
        }
        (await alexa.CheckAsync(bob, "DEMO-CAM-0003")).Reason.ShouldBe("not_linked");
    }
}

/// <summary>Link events from bridges, each test on accounts, devices and integrations of its own.</summary>
public sealed class LinkEventTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    private readonly AccessWorld _world = app.World();

    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReportLink_Twice_AnswersTheSameAndWritesOnce()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        var camera = await _world.AddDeviceAsync(account);
        using var bridge = app.BridgeClient(integration);

        var first = await (await bridge.ReportLinkAsync(account, camera.ToLowerInvariant() + " ", "NOPE-0001")).JsonAsync(201);
        var second = await (await bridge.ReportLinkAsync(account, camera, "NOPE-0001")).JsonAsync(201);

        second.ToJsonString().ShouldBe(first.ToJsonString());
        first["exposed"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe([camera]);
        first["ignored"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["NOPE-0001"]);
        (await bridge.CheckAsync(account, camera)).Reason.ShouldBe("allowed");
        var audit = await LinkApi.LinkAuditAsync(app, account);
        audit.Select(a => a.Action).ShouldBe(["link.created"]);
        audit[0].Actor.ShouldBe("integration:" + integration.Key);
    }

    [Fact]
    public async Task ReportLink_ManyAtOnceForOneAccount_AllSucceedWithOneActiveLink()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        var camera = await _world.AddDeviceAsync(account);
        using var bridge = app.BridgeClient(integration);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => bridge.ReportLinkAsync(account, camera)));

        responses.Select(r => (int)r.StatusCode).ShouldAllBe(status => status == 201);
        await using var db = app.CreateDbContext();
        (await db.AccountLinks.CountAsync(l => l.AccountId == account && l.Status == LinkStatus.Active)).ShouldBe(1);
        (await LinkApi.LinkAuditAsync(app, account)).Select(a => a.Action).ShouldBe(["link.created"]);
        (await bridge.CheckAsync(account, camera)).Reason.ShouldBe("allowed");
    }

    [Fact]
    public async Task ReportLink_WithFewerDevices_HidesTheOnesLeftOut()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        var kept = await _world.AddDeviceAsync(account);
        var dropped = await _world.AddDeviceAsync(account);
        using var bridge = app.BridgeClient(integration);
        await (await bridge.ReportLinkAsync(account, kept, dropped)).JsonAsync(201);
        (await bridge.CheckAsync(account, dropped)).Reason.ShouldBe("allowed");

        await (await bridge.ReportLinkAsync(account, kept)).JsonAsync(201);

        (await bridge.CheckAsync(account, dropped)).Reason.ShouldBe("not_exposed");
        (await bridge.CheckAsync(account, kept)).Reason.ShouldBe("allowed");
    }

    [Fact]
    public async Task ReportLink_AfterUnlink_ReactivatesWithEveryAction()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        var camera = await _world.AddDeviceAsync(account);
        using var bridge = app.BridgeClient(integration);
        await (await bridge.ReportLinkAsync(account, camera)).JsonAsync(201);
        (await bridge.ReportUnlinkAsync(account)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await bridge.CheckAsync(account, camera)).Reason.ShouldBe("not_linked");

        await (await bridge.ReportLinkAsync(account, camera)).JsonAsync(201);

        (await bridge.CheckAsync(account, camera, "control")).Reason.ShouldBe("allowed");
        (await LinkApi.LinkAuditAsync(app, account)).Select(a => a.Action).ShouldBe(["link.created", "link.revoked", "link.created"]);
    }

    [Fact]
    public async Task ReportLink_WhenNewLinksStopped_RefusesANewLinkButUpdatesAnExistingOne()
    {
        var integration = await _world.AddIntegrationAsync();
        var linked = await _world.AddAccountAsync();
        var newcomer = await _world.AddAccountAsync();
        var first = await _world.AddDeviceAsync(linked);
        var second = await _world.AddDeviceAsync(linked);
        var theirs = await _world.AddDeviceAsync(newcomer);
        using var bridge = app.BridgeClient(integration);
        await (await bridge.ReportLinkAsync(linked, first)).JsonAsync(201);
        await StopNewLinksAsync(integration.Id);

        var refused = await (await bridge.ReportLinkAsync(newcomer, theirs)).ProblemAsync(409);
        await (await bridge.ReportLinkAsync(linked, first, second)).JsonAsync(201);

        refused["detail"].Text().ShouldContain("no new links");
        (await bridge.CheckAsync(newcomer, theirs)).Reason.ShouldBe("not_linked");
        (await bridge.CheckAsync(linked, second)).Reason.ShouldBe("allowed");
    }

    [Fact]
    public async Task ReportLink_ForAnUnknownAccount_Is404AndWritesNothing()
    {
        var integration = await _world.AddIntegrationAsync();
        using var bridge = app.BridgeClient(integration);
        var unknown = Guid.NewGuid();

        await (await bridge.ReportLinkAsync(unknown, "DEMO-CAM-0001")).ProblemAsync(404);

        await using var db = app.CreateDbContext();
        (await db.AccountLinks.AnyAsync(l => l.AccountId == unknown)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"devices":[]}""", "account")]
    [InlineData("""{"account":"not-a-uuid","devices":[]}""", "account")]
    [InlineData("""{"account":"00000000-0000-0000-0000-000000000001"}""", "devices")]
    [InlineData("""{"account":"00000000-0000-0000-0000-000000000001","devices":["ok",""]}""", "devices[1]")]
    [InlineData("""{"account":5,"devices":[]}""", "account")]
    [InlineData("""{"account":"00000000-0000-0000-0000-000000000001","devices":"DEMO-CAM-0001"}""", "devices")]
    public async Task ReportLink_WithABadBody_Is400NamingTheField(string body, string field)
    {
        var integration = await _world.AddIntegrationAsync();
        using var bridge = app.BridgeClient(integration);

        using var response = await bridge.PostAsync(LinkApi.Path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ValidationErrorsForAsync(field);
    }

    [Fact]
    public async Task ReportLink_AsText_Is415()
    {
        var integration = await _world.AddIntegrationAsync();
        using var bridge = app.BridgeClient(integration);

        using var response = await bridge.PostAsync(LinkApi.Path, new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"));

        await response.ProblemAsync(415);
    }

    [Fact]
    public async Task ReportUnlink_WithNoLinkOrNoAccount_Is204()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        using var bridge = app.BridgeClient(integration);

        (await bridge.ReportUnlinkAsync(account)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await bridge.ReportUnlinkAsync(Guid.NewGuid())).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await LinkApi.LinkAuditAsync(app, account)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ReportUnlink_WithANonUuid_Is400()
    {
        var integration = await _world.AddIntegrationAsync();
        using var bridge = app.BridgeClient(integration);

        using var response = await bridge.DeleteAsync($"{LinkApi.Path}/bob");

        await response.ValidationErrorsForAsync("account");
    }

    [Fact]
    public async Task ReportUnlink_OnlyTouchesTheCallersIntegration()
    {
        var mine = await _world.AddIntegrationAsync();
        var other = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        var camera = await _world.AddDeviceAsync(account, mine, other);
        using var bridge = app.BridgeClient(mine);
        using var otherBridge = app.BridgeClient(other);

        (await bridge.ReportUnlinkAsync(account)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await bridge.CheckAsync(account, camera)).Reason.ShouldBe("not_linked");
        (await otherBridge.CheckAsync(account, camera)).Reason.ShouldBe("allowed");
    }

    [Fact]
    public async Task LinkEndpoints_WithoutCredential_Are401()
    {
        using var anonymous = app.CreateClient();

        await (await anonymous.PostAsJsonAsync(LinkApi.Path, new { account = Guid.NewGuid(), devices = Array.Empty<string>() })).ProblemAsync(401);
        await (await anonymous.DeleteAsync($"{LinkApi.Path}/{Guid.NewGuid()}")).ProblemAsync(401);
    }

    private async Task StopNewLinksAsync(Guid integrationId)
    {
        await using var db = app.CreateDbContext();
        await db.Integrations.Where(i => i.Id == integrationId).ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptsNewLinks, false));
    }
}

/// <summary>Support's revoke on a customer's behalf.</summary>
public sealed class RevokeLinkApiTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    private readonly AccessWorld _world = app.World();

    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Revoke_BySupport_DeniesAtOnceAndIsAuditedWithTheReason()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        var camera = await _world.AddDeviceAsync(account, integration);
        using var bridge = app.BridgeClient(integration);
        using var support = app.CreateClient("dev-support-token");
        (await bridge.CheckAsync(account, camera)).Reason.ShouldBe("allowed");

        var body = await (await support.RevokeAsync(account, integration.Key, "customer asked by phone")).JsonAsync(200);

        body["status"].Text().ShouldBe("revoked");
        (await bridge.CheckAsync(account, camera)).Reason.ShouldBe("not_linked");
        var audit = await LinkApi.LinkAuditAsync(app, account);
        audit.Single().Action.ShouldBe("link.revoked");
        audit.Single().Reason.ShouldBe("customer asked by phone");
        audit.Single().Actor.ShouldNotStartWith("integration:");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Revoke_WithoutAReason_Is400AndChangesNothing(string? reason)
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        var camera = await _world.AddDeviceAsync(account, integration);
        using var support = app.CreateClient("dev-support-token");

        await (await support.RevokeAsync(account, integration.Key, reason)).ValidationErrorsForAsync("reason");

        using var bridge = app.BridgeClient(integration);
        (await bridge.CheckAsync(account, camera)).Reason.ShouldBe("allowed");
    }

    [Fact]
    public async Task Revoke_OfNothing_Is404()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        using var support = app.CreateClient("dev-support-token");

        await (await support.RevokeAsync(account, integration.Key, "r")).ProblemAsync(404);      // no link
        await (await support.RevokeAsync(Guid.NewGuid(), integration.Key, "r")).ProblemAsync(404); // no account
        await (await support.RevokeAsync(account, "no-such-integration", "r")).ProblemAsync(404);
    }

    [Fact]
    public async Task Revoke_WithABridgeKey_Is403()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        await _world.AddDeviceAsync(account, integration);
        using var bridge = app.BridgeClient(integration);

        await (await bridge.RevokeAsync(account, integration.Key, "r")).ProblemAsync(403);
    }
}
