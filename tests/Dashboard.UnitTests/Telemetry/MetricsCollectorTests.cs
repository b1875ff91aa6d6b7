using System.Diagnostics.Metrics;
using Dashboard.Core.Access;
using Dashboard.Core.Access.Runtime;
using Dashboard.Core.Access.Telemetry;
using Dashboard.UnitTests.Auth;
using Dashboard.Web.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.UnitTests.Telemetry;

public sealed class MetricsCollectorTests : IDisposable
{
    private readonly ServiceProvider services;
    private readonly AccessMetrics metrics;
    private readonly MetricsCollector collector;
    private readonly DecisionTelemetry telemetry;

    public MetricsCollectorTests()
    {
        services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        telemetry = new DecisionTelemetry(
            Options.Create(new TelemetryOptions { QueueCapacity = 1 }), new ManualClock(DateTimeOffset.UnixEpoch));
        metrics = new AccessMetrics(meters, telemetry);
        collector = new MetricsCollector(meters, metrics);
    }

    public void Dispose()
    {
        collector.Dispose();
        services.Dispose();
    }

    private static DecisionOutcome Outcome(DecisionReason reason, DecisionSource source) =>
        new(reason == DecisionReason.Allowed ? AccessDecision.Allow(1) : AccessDecision.Deny(reason, 1), "id", source);

    private MetricFamily Family(string name) => collector.Collect().Single(f => f.Name == name);

    [Fact]
    public void Collect_Decisions_SumsPerIntegrationOutcomeAndReason()
    {
        metrics.Decided("google-assistant", Outcome(DecisionReason.NotOwner, DecisionSource.Cache));
        metrics.Decided("google-assistant", Outcome(DecisionReason.NotOwner, DecisionSource.CacheMiss));
        metrics.Decided("alexa", Outcome(DecisionReason.Allowed, DecisionSource.Cache));

        var decisions = Family("dashboard.access.decisions");

        decisions.Kind.ShouldBe(MetricKind.Counter);
        decisions.Points.Select(p => (string.Join(",", p.Labels.Select(l => $"{l.Key}={l.Value}")), p.Value)).ShouldBe(
        [
            ("integration=alexa,outcome=allow,reason=allowed", 1d),
            ("integration=google-assistant,outcome=deny,reason=not_owner", 2d),
        ]);
        var cache = AccessReadings.Cache(collector.Collect());
        cache.ShouldBe(new CacheReading(Hits: 2, Misses: 1, Bypassed: 0));
        cache.HitRatio.ShouldBe(2d / 3);
    }

    [Fact]
    public void Collect_Propagation_CountsIntoTheAdvisedBuckets()
    {
        metrics.Propagated(TimeSpan.FromMilliseconds(3), completed: true);
        metrics.Propagated(TimeSpan.FromMilliseconds(4), completed: true);
        metrics.Propagated(TimeSpan.FromMilliseconds(2000), completed: true);

        var point = Family("dashboard.access.propagation.duration").Points.ShouldHaveSingleItem();

        var histogram = point.Histogram.ShouldNotBeNull();
        histogram.Bounds.ShouldBe(AccessMetrics.PropagationBuckets);
        histogram.Count.ShouldBe(3);
        histogram.Sum.ShouldBe(2.007, tolerance: 1e-9);
        histogram.BucketCounts[Array.IndexOf([.. AccessMetrics.PropagationBuckets], 0.005)].ShouldBe(2);
        histogram.BucketCounts[Array.IndexOf([.. AccessMetrics.PropagationBuckets], 2.5)].ShouldBe(1);
        var reading = AccessReadings.Propagation(metrics);
        reading.Samples.ShouldBe(3);
        reading.P50Ms!.Value.ShouldBe(4, tolerance: 1e-9);
        reading.P99Ms!.Value.ShouldBe(2000, tolerance: 1e-9);
    }

    [Fact]
    public void Collect_TelemetryDrops_AreReadFromTheObservableCounter()
    {
        var request = new AccessRequest(Guid.NewGuid(), Guid.NewGuid(), "DEMO-CAM-0003", AccessActions.Stream);
        for (var i = 0; i < 3; i++)
        {
            telemetry.Decided(request, Outcome(DecisionReason.NotOwner, DecisionSource.Cache));
        }

        Family("dashboard.access.telemetry.dropped").Points.ShouldHaveSingleItem().Value.ShouldBe(2);
        Family("dashboard.access.telemetry.queued").Points.ShouldHaveSingleItem().Value.ShouldBe(1);
    }

    [Fact]
    public void Collect_TagsInAnotherOrder_AreOneSeries()
    {
        var counter = metrics.Meter.CreateCounter<long>("test.ordered");
        counter.Add(1, new("a", "1"), new("b", "2"));
        counter.Add(2, new("b", "2"), new("a", "1"));

        Family("test.ordered").Points.ShouldHaveSingleItem().Value.ShouldBe(3);
    }

    [Fact]
    public void Collect_MetersOfAnotherFactory_AreNotListenedTo()
    {
        using var other = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var otherMetrics = new AccessMetrics(other.GetRequiredService<IMeterFactory>(), telemetry);

        otherMetrics.Decided("alexa", Outcome(DecisionReason.Allowed, DecisionSource.Cache));

        collector.Collect().ShouldNotContain(f => f.Name == "dashboard.access.decisions");
    }

    [Fact]
    public void Prometheus_FromACollection_ShowsTheDecisionCounter()
    {
        metrics.Decided("google-assistant", Outcome(DecisionReason.NotOwner, DecisionSource.Cache));

        PrometheusText.Write(collector.Collect()).ShouldContain(
            "dashboard_access_decisions_total{integration=\"google-assistant\",outcome=\"deny\",reason=\"not_owner\"} 1\n");
    }
}
