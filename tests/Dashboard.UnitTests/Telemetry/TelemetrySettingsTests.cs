using Dashboard.Core.Access.Signals;
using Dashboard.Core.Access.Telemetry;

namespace Dashboard.UnitTests.Telemetry;

public sealed class TelemetrySettingsTests
{
    [Fact]
    public void Defaults_AreValid_AndFlushAtLeastEverySecond()
    {
        new TelemetryOptions().Validate().ShouldBeEmpty();
        new TelemetryOptions().FlushInterval.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
        new SignalOptions().Validate().ShouldBeEmpty();
        new SignalOptions().NotOwnerPerMinuteThreshold.ShouldBe(20);
    }

    [Fact]
    public void Validate_RefusesSettingsThatCouldNotWork()
    {
        new TelemetryOptions { FlushInterval = TimeSpan.Zero }.Validate().ShouldHaveSingleItem().ShouldContain("FlushInterval");
        new TelemetryOptions { QueueCapacity = 0 }.Validate().ShouldHaveSingleItem().ShouldContain("QueueCapacity");
        new TelemetryOptions { BatchSize = 0 }.Validate().ShouldHaveSingleItem().ShouldContain("BatchSize");
        new SignalOptions { NotOwnerPerMinuteThreshold = 0 }.Validate().ShouldHaveSingleItem().ShouldContain("NotOwnerPerMinuteThreshold");
        new SignalOptions { Window = TimeSpan.FromSeconds(30) }.Validate().ShouldHaveSingleItem().ShouldContain("Window");
    }

    [Theory]
    [InlineData(50, 3)]
    [InlineData(99, 100)]
    [InlineData(100, 100)]
    [InlineData(1, 1)]
    public void Percentiles_UseTheNearestRank(double percentile, double expected)
    {
        double[] samples = [5, 1, 3, 100, 2];

        Percentiles.Of(samples, percentile).ShouldBe(expected);
    }

    [Fact]
    public void Percentiles_OfNothing_IsNull() => Percentiles.Of([], 50).ShouldBeNull();
}
