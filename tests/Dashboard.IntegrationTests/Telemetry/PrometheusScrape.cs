using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.IntegrationTests.Telemetry;

/// <summary>One sample of a scrape: metric name, labels and value.</summary>
public sealed record ScrapedSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// Reads the Prometheus text format as a scraper does, so tests assert on series (name, the labels they care about,
/// value) whatever order or extra labels (such as the OpenTelemetry scope) the exporter writes.
/// </summary>
public sealed partial class PrometheusScrape(string text)
{
    public string Text { get; } = text;

    public IReadOnlyList<ScrapedSample> Samples { get; } = Parse(text);

    /// <summary>The <c># TYPE</c> of a metric family, or null when the scrape has none.</summary>
    public string? TypeOf(string family) =>
        Text.Split('\n').Select(l => l.Split(' ')).FirstOrDefault(p => p.Length == 4 && p[0] == "#" && p[1] == "TYPE" && p[2] == family)?[3];

    /// <summary>The samples of <paramref name="name"/> whose labels include every one given.</summary>
    public IReadOnlyList<ScrapedSample> Series(string name, params (string Key, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();

    /// <summary>The one sample of <paramref name="name"/> with these labels; fails when there is none or several.</summary>
    public double Value(string name, params (string Key, string Value)[] labels) => Series(name, labels).ShouldHaveSingleItem(
        $"{name} {{{string.Join(",", labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}} in:\n{Text}").Value;

    private static List<ScrapedSample> Parse(string text)
    {
        var samples = new List<ScrapedSample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var match = SampleLine().Match(line);
            match.Success.ShouldBeTrue($"not a sample line: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["key"].Value, m => Unescape(m.Groups["value"].Value), StringComparer.Ordinal);
            samples.Add(new ScrapedSample(match.Groups["name"].Value, labels, ParseValue(match.Groups["value"].Value)));
        }
        return samples;
    }

    private static double ParseValue(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static string Unescape(string value) =>
        value.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal)
            .Replace("\\\\", "\\", StringComparison.Ordinal);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+-?\d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
