using Dashboard.Web.Telemetry;

namespace Dashboard.UnitTests.Telemetry;

public sealed class PrometheusTextTests
{
    private static KeyValuePair<string, string>[] Labels(params (string Key, string Value)[] labels) =>
        labels.Select(l => new KeyValuePair<string, string>(l.Key, l.Value)).ToArray();

    [Fact]
    public void Write_Counter_HasHelpTypeAndTotalSuffixWithLabels()
    {
        var family = new MetricFamily("dashboard.access.decisions", "{decision}", "Access decisions.", MetricKind.Counter,
        [
            new MetricPoint(Labels(("integration", "google-assistant"), ("outcome", "deny"), ("reason", "not_owner")), 12),
        ]);

        PrometheusText.Write([family]).ShouldBe("""
            # HELP dashboard_access_decisions_total Access decisions.
            # TYPE dashboard_access_decisions_total counter
            dashboard_access_decisions_total{integration="google-assistant",outcome="deny",reason="not_owner"} 12

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Write_LabelValues_EscapesBackslashQuoteAndLineFeed()
    {
        var family = new MetricFamily("x", null, null, MetricKind.Gauge,
            [new MetricPoint(Labels(("path", "C:\\a \"b\"\nc")), 1)]);

        PrometheusText.Write([family]).ShouldBe("# TYPE x gauge\nx{path=\"C:\\\\a \\\"b\\\"\\nc\"} 1\n");
    }

    [Fact]
    public void Write_Help_EscapesBackslashAndLineFeedButNotQuotes()
    {
        var family = new MetricFamily("x", null, "a \\ \"b\"\nc", MetricKind.Gauge, [new MetricPoint([], 0)]);

        PrometheusText.Write([family]).ShouldStartWith("# HELP x a \\\\ \"b\"\\nc\n# TYPE x gauge\n");
    }

    [Fact]
    public void Write_Histogram_WritesCumulativeBucketsInfSumAndCount()
    {
        var family = new MetricFamily("dashboard.access.propagation.duration", "s", "Propagation.", MetricKind.Histogram,
        [
            new MetricPoint(Labels(("result", "complete")), 4, new HistogramReading([0.005, 0.01, 0.1], [1, 2, 0, 1], 2.017, 4)),
        ]);

        PrometheusText.Write([family]).ShouldBe("""
            # HELP dashboard_access_propagation_duration_seconds Propagation.
            # TYPE dashboard_access_propagation_duration_seconds histogram
            dashboard_access_propagation_duration_seconds_bucket{result="complete",le="0.005"} 1
            dashboard_access_propagation_duration_seconds_bucket{result="complete",le="0.01"} 3
            dashboard_access_propagation_duration_seconds_bucket{result="complete",le="0.1"} 3
            dashboard_access_propagation_duration_seconds_bucket{result="complete",le="+Inf"} 4
            dashboard_access_propagation_duration_seconds_sum{result="complete"} 2.017
            dashboard_access_propagation_duration_seconds_count{result="complete"} 4

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Write_HistogramWithoutLabels_PutsOnlyLeInBraces()
    {
        var family = new MetricFamily("h", null, null, MetricKind.Histogram,
            [new MetricPoint([], 1, new HistogramReading([1], [1, 0], 0.5, 1))]);

        PrometheusText.Write([family]).ShouldBe(
            "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 1\nh_sum 0.5\nh_count 1\n");
    }

    [Theory]
    [InlineData("dashboard.access.decisions", "{decision}", MetricKind.Counter, "dashboard_access_decisions_total")]
    [InlineData("requests_total", null, MetricKind.Counter, "requests_total")]
    [InlineData("queue.depth", "1", MetricKind.Gauge, "queue_depth")]
    [InlineData("wait", "ms", MetricKind.Histogram, "wait_milliseconds")]
    [InlineData("wait_seconds", "s", MetricKind.Histogram, "wait_seconds")]
    [InlineData("2xx-rate/ok", null, MetricKind.Gauge, "_2xx_rate_ok")]
    public void MetricName_FollowsThePrometheusNamingRules(string name, string? unit, MetricKind kind, string expected) =>
        PrometheusText.MetricName(new MetricFamily(name, unit, null, kind, [])).ShouldBe(expected);

    [Fact]
    public void Write_LabelNames_AreSanitized()
    {
        var family = new MetricFamily("x", null, null, MetricKind.Gauge, [new MetricPoint(Labels(("http.route", "/a")), 1)]);

        PrometheusText.Write([family]).ShouldEndWith("x{http_route=\"/a\"} 1\n");
    }

    [Theory]
    [InlineData(0d, "0")]
    [InlineData(42d, "42")]
    [InlineData(-3d, "-3")]
    [InlineData(0.25d, "0.25")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    public void Number_UsesTheFormatsPrometheusParses(double value, string expected) =>
        PrometheusText.Number(value).ShouldBe(expected);

    [Fact]
    public void Write_Families_AreOrderedByName()
    {
        var text = PrometheusText.Write(
        [
            new MetricFamily("b", null, null, MetricKind.Gauge, [new MetricPoint([], 1)]),
            new MetricFamily("a", null, null, MetricKind.Gauge, [new MetricPoint([], 2)]),
        ]);

        text.ShouldBe("# TYPE a gauge\na 2\n# TYPE b gauge\nb 1\n");
    }
}
