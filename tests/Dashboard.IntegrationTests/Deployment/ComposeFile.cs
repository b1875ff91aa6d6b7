using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Dashboard.IntegrationTests.Deployment;

/// <summary>docker-compose.yml as data: services, their settings, and variables resolved as Compose would.</summary>
internal sealed partial class ComposeFile
{
    private readonly YamlMappingNode _root;

    private ComposeFile(YamlMappingNode root) => _root = root;

    public static ComposeFile Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new ComposeFile((YamlMappingNode)stream.Documents.Single().RootNode);
    }

    public IReadOnlyList<string> ServiceNames => Services.Children.Keys.Select(k => k.ToString()).ToList();

    public YamlMappingNode Service(string name) =>
        (YamlMappingNode)Services.Children[new YamlScalarNode(name)];

    /// <summary>A service's environment (mapping or KEY=VALUE list), with <c>${VAR:-default}</c> resolved to the default.</summary>
    public IReadOnlyDictionary<string, string> Environment(string service)
    {
        var node = Child(Service(service), "environment");
        var pairs = node switch
        {
            YamlMappingNode map => map.Children.Select(c => (c.Key.ToString(), c.Value.ToString())),
            YamlSequenceNode list => list.Children.Select(c => c.ToString().Split('=', 2)).Select(p => (p[0], p[1])),
            _ => [],
        };
        return pairs.ToDictionary(p => p.Item1, p => ResolveDefaults(p.Item2));
    }

    public static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Scalar(YamlNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    /// <summary>The items of a list of strings (<c>ports</c>, <c>volumes</c>, short-form <c>depends_on</c>); empty when absent.</summary>
    public static IReadOnlyList<string> Strings(YamlNode? node) =>
        node is YamlSequenceNode list ? list.Children.Select(c => c.ToString()).ToList() : [];

    /// <summary>Compose interpolation with the defaults it would use when the variable is unset.</summary>
    internal static string ResolveDefaults(string value) =>
        Variable().Replace(value, m => m.Groups["default"].Success
            ? m.Groups["default"].Value
            : throw new InvalidOperationException($"'{m.Value}' has no default: the file would need an .env to run."));

    private YamlMappingNode Services => (YamlMappingNode)Child(_root, "services")!;

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::-(?<default>[^}]*))?\}")]
    private static partial Regex Variable();
}
