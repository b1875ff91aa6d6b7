using Dashboard.Core.Access;
using Dashboard.Core.Access.Runtime;
using Dashboard.Core.Access.Telemetry;
using Dashboard.UnitTests.Auth;
using Dashboard.Web.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.UnitTests.Telemetry;

/// <summary>The readings the admin home takes from <see cref="AccessMetrics"/> (the exported series are tested at /metrics).</summary>
public sealed class AccessMetricsTests : IDisposable
{
    private readonly ServiceProvider services;
    private readonly AccessMetrics metrics;

    public AccessMetricsTests()
    {
        services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var telemetry = new DecisionTelemetry(
            Options.Create(new TelemetryOptions { QueueCapacity = 1 }), new ManualClock(DateTimeOffset.UnixEpoch));
        metrics = new AccessMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), telemetry);
    }

    public void Dispose() => services.Dispose();

    private static DecisionOutcome Outcome(DecisionReason reason, DecisionSource source) =>
        new(reason == DecisionReason.Allowed ? AccessDecision.Allow(1) : AccessDecision.Deny(reason, 1), "id", source);

    [Fact]
    public void Cache_CountsWhereEachDecisionFoundItsFacts()
    {
        metrics.Decided("google-assistant", Outcome(DecisionReason.NotOwner, DecisionSource.Cache));
        metrics.Decided("google-assistant", Outcome(DecisionReason.NotOwner, DecisionSource.CacheMiss));
        metrics.Decided("alexa", Outcome(DecisionReason.Allowed, DecisionSource.Cache));
        metrics.Decided("alexa", Outcome(DecisionReason.Allowed, DecisionSource.Database));

        var cache = AccessReadings.Cache(metrics);

        cache.ShouldBe(new CacheReading(Hits: 2, Misses: 1, Bypassed: 1));
        cache.HitRatio.ShouldBe(2d / 3);
    }

    [Fact]
    public void Cache_BeforeAnyDecision_HasNoRatio() =>
        AccessReadings.Cache(metrics).HitRatio.ShouldBeNull();

    [Fact]
    public void Propagation_ReadsPercentilesOfTheRecentWaits()
    {
        metrics.Propagated(TimeSpan.FromMilliseconds(3), completed: true);
        metrics.Propagated(TimeSpan.FromMilliseconds(4), completed: true);
        metrics.Propagated(TimeSpan.FromMilliseconds(2000), completed: true);

        var reading = AccessReadings.Propagation(metrics);

        reading.Samples.ShouldBe(3);
        reading.P50Ms!.Value.ShouldBe(4, tolerance: 1e-9);
        reading.P99Ms!.Value.ShouldBe(2000, tolerance: 1e-9);
    }
}
