using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;

namespace Dashboard.IntegrationTests.KillSwitches;

/// <summary>Lifting takes two people: a request by one vendor admin, an approval by another.</summary>
public sealed class KillSwitchLiftTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Lift_RequestedByOneAdminApprovedByAnother_AllowsAgainWhenThe200Returns()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);
        using var admin2 = app.CreateClient(KillSwitchApi.Admin2Token);
        using var google = app.CreateClient("dev-bridge-google-assistant");
        var id = (await admin.FireAsync(new { integration = "google-assistant", actions = new[] { "stream" } })).Id();
        (await google.CheckAsync(alice, "DEMO-CAM-0001")).Reason.ShouldBe("kill_switch");

        using var lift = await admin.RequestLiftAsync(id);
        (await lift.JsonAsync(202))["status"].Text().ShouldBe("pending_approval");
        // Still denies while the lift waits for a second admin.
        (await google.CheckAsync(alice, "DEMO-CAM-0001")).Reason.ShouldBe("kill_switch");
        (await admin.ListedStatusAsync(id, activeOnly: true)).ShouldBe("pending_approval");

        using var liftAgain = await admin2.RequestLiftAsync(id);
        await liftAgain.ProblemAsync(409);
        using var bySameAdmin = await admin.ApproveLiftAsync(id);
        await bySameAdmin.ProblemAsync(403);
        (await google.CheckAsync(alice, "DEMO-CAM-0001")).Reason.ShouldBe("kill_switch");

        using var approve = await admin2.ApproveLiftAsync(id);
        (await approve.JsonAsync())["status"].Text().ShouldBe("lifted");

        (await google.CheckAsync(alice, "DEMO-CAM-0001")).Reason.ShouldBe("allowed");
        (await admin.ListedStatusAsync(id)).ShouldBe("lifted");
        (await admin.ListedStatusAsync(id, activeOnly: true)).ShouldBeNull();
        (await KillSwitchApi.AuditActionsAsync(app, id)).ShouldBe(
            ["kill_switch.fired", "kill_switch.lift_requested", "kill_switch.lifted"]);

        using var approveAgain = await admin.ApproveLiftAsync(id);
        await approveAgain.ProblemAsync(409);
        using var liftLifted = await admin.RequestLiftAsync(id);
        await liftLifted.ProblemAsync(409);
    }

    [Fact]
    public async Task Approve_WithNoLiftPending_Returns409AndAuditsNothing()
    {
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);
        using var admin2 = app.CreateClient(KillSwitchApi.Admin2Token);
        var id = (await admin.FireAsync(new { integration = "ifttt", actions = new[] { "events" } })).Id();

        using var approve = await admin2.ApproveLiftAsync(id);

        await approve.ProblemAsync(409);
        (await admin.ListedStatusAsync(id)).ShouldBe("active");
        (await KillSwitchApi.AuditActionsAsync(app, id)).ShouldBe(["kill_switch.fired"]);
    }

    [Fact]
    public async Task Approve_TwiceConcurrently_SucceedsOnce()
    {
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);
        using var admin2 = app.CreateClient(KillSwitchApi.Admin2Token);
        var id = (await admin.FireAsync(new { integration = "alexa", actions = new[] { "control" } })).Id();
        using (var lift = await admin.RequestLiftAsync(id))
        {
            await lift.JsonAsync(202);
        }

        var responses = await Task.WhenAll(admin2.ApproveLiftAsync(id), admin2.ApproveLiftAsync(id));

        responses.Select(r => (int)r.StatusCode).Order().ShouldBe([200, 409]);
        (await KillSwitchApi.AuditActionsAsync(app, id)).Count(a => a == "kill_switch.lifted").ShouldBe(1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
