using System.Globalization;
using Dashboard.Core.KillSwitches;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Pages.KillSwitches;

/// <summary>
/// A kill switch scope in words an admin reads at a glance: "Every assistant integration · actions: stream". The
/// builder, the confirmation, the fired panel, the list and the status board all say a scope through here, so the
/// same switch reads the same everywhere, in the reader's language (values such as model names stay as stored).
/// </summary>
public sealed class ScopeWords
{
    public const string Separator = " · ";

    private ScopeWords()
    {
    }

    /// <param name="scope">The stored or drafted scope.</param>
    /// <param name="text">This class's resources (ScopeWords.resx).</param>
    /// <param name="accountEmails">Emails to show instead of account ids, where known.</param>
    public static string Describe(
        KillSwitchScope scope, IStringLocalizer<ScopeWords> text, IReadOnlyDictionary<Guid, string>? accountEmails = null)
    {
        var parts = new List<string> { Selector(scope, text) };
        Add(parts, text, "ActionsList", scope.Actions);
        Add(parts, text, "ModelsList", scope.Models);
        Add(parts, text, "FirmwareList", scope.Firmware);
        Add(parts, text, "RegionsList", scope.Regions);
        Add(parts, text, "AccountsList", scope.Accounts?.Select(id => accountEmails?.GetValueOrDefault(id) ?? id.ToString()).ToArray());
        Add(parts, text, "DevicesList", scope.Devices);
        if (parts.Count == 1)
        {
            parts.Add(text["Everything"]);
        }
        return string.Join(Separator, parts);
    }

    public static string Selector(KillSwitchScope scope, IStringLocalizer<ScopeWords> text) =>
        scope.AllIntegrations ? text["AllIntegrations"]
        : scope.IntegrationKind is { } kind ? text["EveryIntegrationOfKind", kind]
        : scope.Integration is { } key ? text["OneIntegration", key]
        : text["NoIntegration"];

    /// <summary>"3 accounts, 5 devices, 2 links": a blast radius, plurals right in each language.</summary>
    public static string Radius(BlastRadius radius, IStringLocalizer<ScopeWords> text) => string.Join(", ",
        Count(text, "Accounts", radius.Accounts), Count(text, "Devices", radius.Devices), Count(text, "Links", radius.Links));

    /// <summary>A count with its noun: the "One" key where the language says one thing, else the "Many" key.</summary>
    public static string Count(IStringLocalizer text, string noun, long count) =>
        text[noun + (IsOne(count) ? "One" : "Many"), count.ToString("N0", CultureInfo.CurrentCulture)];

    // French reads 0 as singular ("0 compte"); English does not. Indonesian has no plural: its two texts are alike.
    private static bool IsOne(long count) =>
        count == 1 || (count == 0 && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr");

    private static void Add(List<string> parts, IStringLocalizer<ScopeWords> text, string key, IReadOnlyList<string>? values)
    {
        if (values is { Count: > 0 })
        {
            parts.Add(text[key, string.Join(", ", values)]);
        }
    }
}
