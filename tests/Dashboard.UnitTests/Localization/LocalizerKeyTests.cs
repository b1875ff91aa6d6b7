using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Dashboard.UnitTests.Localization;

/// <summary>
/// Every text a component asks its localizer for (<c>L["Key"]</c>) exists in that localizer's English resources.
/// A key that does not exist would show the key itself to the person, in every language.
/// </summary>
public sealed partial class LocalizerKeyTests
{
    private static readonly string Components = Path.Combine(RepositoryRoot(), "src", "Dashboard.Web", "Components");

    [Fact]
    public void EveryKeyAComponentUses_ExistsInItsResources()
    {
        var missing = new List<string>();
        var checkedKeys = 0;
        foreach (var file in Directory.EnumerateFiles(Components, "*.razor*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".razor.cs", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            foreach (Match injection in Injection().Matches(source))
            {
                var (type, name) = (injection.Groups["type"].Value, injection.Groups["name"].Value);
                var keys = KeysOf(type);
                foreach (Match use in Use(name).Matches(source))
                {
                    checkedKeys++;
                    if (keys is null || !keys.Contains(use.Groups["key"].Value))
                    {
                        missing.Add($"{Path.GetRelativePath(Components, file)}: {name}[\"{use.Groups["key"].Value}\"] ({type}.resx)");
                    }
                }
            }
        }
        checkedKeys.ShouldBeGreaterThan(50);
        missing.ShouldBeEmpty();
    }

    /// <summary>The English keys of the resources named after <paramref name="type"/> (its .resx beside its .razor).</summary>
    private static HashSet<string>? KeysOf(string type)
    {
        var name = type.Split('.')[^1];
        var file = Directory.EnumerateFiles(Components, name + ".resx", SearchOption.AllDirectories).FirstOrDefault();
        return file is null ? null : XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
    }

    // @inject IStringLocalizer<Foo> L, or [Inject] private IStringLocalizer<Foo> L { get; set; }
    [GeneratedRegex(@"IStringLocalizer<(?<type>[\w.]+)>\s+(?<name>\w+)")]
    private static partial Regex Injection();

    // Literal keys only (L["Key"] or L["Key", args]); a key built at run time (L["Field_" + part]) has its own fallback.
    private static Regex Use(string name) => new($@"\b{Regex.Escape(name)}\[""(?<key>[^""]+)""(?=\s*[\],])");

    private static string RepositoryRoot() =>
        typeof(LocalizerKeyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
}
