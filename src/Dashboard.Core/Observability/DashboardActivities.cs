using System.Diagnostics;

namespace Dashboard.Core.Observability;

/// <summary>
/// The product's own trace spans, on the <see cref="ActivitySource"/> <c>Dashboard</c>: an access decision, a
/// propagation wait, a kill switch fired or lifted, a seeding run. Nothing is recorded unless a listener (the
/// OpenTelemetry tracer, when an OTLP endpoint is configured) subscribes, so the decision path pays only a
/// listener check otherwise. Tags name identifiers and outcomes, never personal data.
/// </summary>
public static class DashboardActivities
{
    public const string SourceName = "Dashboard";

    public const string Decide = "access.decide";
    public const string PropagationWait = "policy.propagation.wait";
    public const string KillSwitchFire = "kill_switch.fire";
    public const string KillSwitchLift = "kill_switch.lift";
    public const string SeedDemoFixture = "seed.demo_fixture";
    public const string SeedFleet = "seed.fleet";

    public static readonly ActivitySource Source = new(SourceName);

    public static Activity? Start(string name) => Source.StartActivity(name, ActivityKind.Internal);
}
