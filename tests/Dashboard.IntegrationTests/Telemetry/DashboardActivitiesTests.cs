using System.Collections.Concurrent;
using System.Diagnostics;
using Dashboard.Core.KillSwitches;
using Dashboard.Core.Observability;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Telemetry;

/// <summary>
/// The product's spans (ActivitySource <c>Dashboard</c>) as a tracer receives them, from real requests and operations:
/// a decision with its outcome, a kill switch fired and lifted with the propagation wait inside each.
/// </summary>
public sealed class DashboardActivitiesTests(TelemetryAppFactory app) : IClassFixture<TelemetryAppFactory>, IAsyncLifetime, IDisposable
{
    private readonly ConcurrentQueue<Activity> stopped = new();
    private ActivityListener? listener;

    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DashboardActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => listener?.Dispose();

    // Other tests in this process make spans too: each test picks its own by the ids it knows.
    private List<Activity> Spans(string name, string tag, object value) =>
        stopped.Where(a => a.OperationName == name && Equals(a.GetTagItem(tag), value)).ToList();

    [Fact]
    public async Task Check_IsOneDecisionSpan_WithItsOutcome()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        using var alexa = app.CreateClient("dev-bridge-alexa");

        var answer = await alexa.CheckAsync(alice, "DEMO-CAM-0003");

        var span = Spans(DashboardActivities.Decide, "dashboard.decision_id", answer.DecisionId).ShouldHaveSingleItem();
        span.GetTagItem("dashboard.decision").ShouldBe("deny");
        span.GetTagItem("dashboard.reason").ShouldBe("not_owner");
        span.GetTagItem("dashboard.action").ShouldBe("stream");
    }

    [Fact]
    public async Task KillSwitch_FireAndLift_AreSpans_EachHoldingItsPropagationWait()
    {
        var switches = app.Services.GetRequiredService<KillSwitchService>();
        var scope = new KillSwitchScope { Integration = "ifttt", Actions = ["control"], Devices = ["DEMO-CAM-0001"] };

        var fired = await switches.FireAsync(scope, "span test", null, "admin@demo.test");
        await switches.RequestLiftAsync(fired.Id, "span test over", "admin@demo.test");
        (await switches.ApproveLiftAsync(fired.Id, "admin2@demo.test")).Outcome.ShouldBe(LiftOutcome.Done);

        var fire = Spans(DashboardActivities.KillSwitchFire, "dashboard.kill_switch.id", fired.Id).ShouldHaveSingleItem();
        var lift = Spans(DashboardActivities.KillSwitchLift, "dashboard.kill_switch.id", fired.Id).ShouldHaveSingleItem();
        fire.GetTagItem("dashboard.revision").ShouldBe(fired.Revision);
        var waits = stopped.Where(a => a.OperationName == DashboardActivities.PropagationWait).ToList();
        waits.ShouldContain(w => w.ParentSpanId == fire.SpanId && Equals(w.GetTagItem("dashboard.revision"), fired.Revision));
        waits.ShouldContain(w => w.ParentSpanId == lift.SpanId);
    }
}
