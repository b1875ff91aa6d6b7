using System.Globalization;
using System.Text;

namespace Dashboard.Web.Telemetry;

/// <summary>
/// Writes metric snapshots in the Prometheus text exposition format 0.0.4: a <c># HELP</c> and a <c># TYPE</c> line per
/// family, then one sample per line. Names follow the usual OpenTelemetry-to-Prometheus mapping: dots and other
/// characters become underscores, the unit is appended (<c>s</c> becomes <c>_seconds</c>), and counters end in
/// <c>_total</c>. Histograms are cumulative <c>_bucket</c> lines ending at <c>le="+Inf"</c>, then <c>_sum</c> and <c>_count</c>.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricFamily> families)
    {
        var text = new StringBuilder();
        foreach (var family in families.OrderBy(f => MetricName(f), StringComparer.Ordinal))
        {
            Write(text, family);
        }
        return text.ToString();
    }

    /// <summary>The family's exposed name, e.g. <c>dashboard.access.decisions</c> (counter) -> <c>dashboard_access_decisions_total</c>.</summary>
    public static string MetricName(MetricFamily family)
    {
        var name = Sanitize(family.Name, allowColon: true);
        var unit = UnitSuffix(family.Unit);
        if (unit is not null && !name.EndsWith("_" + unit, StringComparison.Ordinal))
        {
            name += "_" + unit;
        }
        if (family.Kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }
        return name;
    }

    private static void Write(StringBuilder text, MetricFamily family)
    {
        var name = MetricName(family);
        if (!string.IsNullOrEmpty(family.Description))
        {
            text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(family.Description)).Append('\n');
        }
        text.Append("# TYPE ").Append(name).Append(' ').Append(TypeName(family.Kind)).Append('\n');
        foreach (var point in family.Points)
        {
            if (family.Kind == MetricKind.Histogram && point.Histogram is { } histogram)
            {
                WriteHistogram(text, name, point.Labels, histogram);
            }
            else
            {
                Sample(text, name, point.Labels, null, point.Value);
            }
        }
    }

    private static void WriteHistogram(
        StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, HistogramReading histogram)
    {
        long cumulative = 0;
        for (var i = 0; i < histogram.Bounds.Count; i++)
        {
            cumulative += i < histogram.BucketCounts.Count ? histogram.BucketCounts[i] : 0;
            Sample(text, name + "_bucket", labels, Number(histogram.Bounds[i]), cumulative);
        }
        // +Inf is the total count by definition, whatever rounding the buckets went through.
        Sample(text, name + "_bucket", labels, "+Inf", histogram.Count);
        Sample(text, name + "_sum", labels, null, histogram.Sum);
        Sample(text, name + "_count", labels, null, histogram.Count);
    }

    private static void Sample(
        StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (key, labelValue) in labels)
            {
                if (!first)
                {
                    text.Append(',');
                }
                first = false;
                text.Append(Sanitize(key, allowColon: false)).Append("=\"").Append(EscapeLabelValue(labelValue)).Append('"');
            }
            if (le is not null)
            {
                text.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
            }
            text.Append('}');
        }
        text.Append(' ').Append(Number(value)).Append('\n');
    }

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        // Whole numbers (every counter) print without an exponent up to 2^53, where doubles stop being exact.
        _ when value == Math.Floor(value) && Math.Abs(value) < 9_007_199_254_740_992d => ((long)value).ToString(CultureInfo.InvariantCulture),
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>HELP text: backslash and line feed are escaped.</summary>
    public static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Label values: backslash, double quote and line feed are escaped.</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Metric names match <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, label names the same without colons.</summary>
    public static string Sanitize(string name, bool allowColon)
    {
        if (name.Length == 0)
        {
            return "_";
        }
        var chars = new StringBuilder(name.Length + 1);
        if (char.IsAsciiDigit(name[0]))
        {
            chars.Append('_');
        }
        foreach (var c in name)
        {
            chars.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        }
        return chars.ToString();
    }

    /// <summary>UCUM units as Prometheus suffixes; annotations in braces (<c>{decision}</c>) and "1" add none.</summary>
    private static string? UnitSuffix(string? unit) => unit switch
    {
        null or "" or "1" => null,
        _ when unit.StartsWith('{') => null,
        "s" => "seconds",
        "ms" => "milliseconds",
        "By" => "bytes",
        _ => Sanitize(unit, allowColon: false),
    };

    private static string TypeName(MetricKind kind) => kind switch
    {
        MetricKind.Counter => "counter",
        MetricKind.Gauge => "gauge",
        MetricKind.Histogram => "histogram",
    };
}
