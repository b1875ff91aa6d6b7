using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Dashboard.Web.Components.Localization;

namespace Dashboard.UnitTests.Localization;

/// <summary>
/// Every text of the pages exists in French and Indonesian, as compiled into the app (the satellite assemblies the
/// app ships), using no placeholder the English one does not fill: a text missing in one language fails here, not in
/// front of a person reading that language.
/// </summary>
public sealed partial class ResourceCompletenessTests
{
    public static TheoryData<string> ResourceSets()
    {
        var data = new TheoryData<string>();
        foreach (var name in typeof(Common).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".resources", StringComparison.Ordinal)))
        {
            data.Add(name[..^".resources".Length]);
        }
        return data;
    }

    [Fact]
    public void ThePagesHaveResources() => ResourceSets().Count.ShouldBeGreaterThanOrEqualTo(10);

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void EveryText_ExistsInFrenchAndIndonesian_WithNoPlaceholderEnglishDoesNotFill(string baseName)
    {
        var resources = new ResourceManager(baseName, typeof(Common).Assembly);
        var english = Texts(resources, CultureInfo.InvariantCulture).ShouldNotBeNull($"{baseName} has no English texts");
        english.ShouldNotBeEmpty();
        foreach (var culture in new[] { DashboardCultures.French, DashboardCultures.Indonesian })
        {
            var translated = Texts(resources, CultureInfo.GetCultureInfo(culture)).ShouldNotBeNull($"{baseName} has no '{culture}' resources");
            english.Keys.Except(translated.Keys).ShouldBeEmpty($"{baseName}: missing in '{culture}'");
            translated.Keys.Except(english.Keys).ShouldBeEmpty($"{baseName}: in '{culture}' but not in English");
            foreach (var (key, text) in english)
            {
                translated[key].Trim().ShouldNotBeEmpty($"{baseName}.{key} is empty in '{culture}'");
                // A placeholder English does not fill would throw when formatted; one a language leaves out is its
                // choice (French says "the last change" without the 1).
                Placeholders(translated[key]).Except(Placeholders(text)).ShouldBeEmpty($"{baseName}.{key}: unknown placeholders in '{culture}'");
            }
        }
    }

    private static Dictionary<string, string>? Texts(ResourceManager resources, CultureInfo culture) =>
        resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");

    private static string[] Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
