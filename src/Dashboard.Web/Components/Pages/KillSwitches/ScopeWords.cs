using Dashboard.Core.KillSwitches;

namespace Dashboard.Web.Components.Pages.KillSwitches;

/// <summary>A kill switch scope in words an admin reads at a glance: "Every assistant integration · actions: stream".</summary>
public static class ScopeWords
{
    public const string Separator = " · ";

    /// <param name="scope">The stored or drafted scope.</param>
    /// <param name="accountEmails">Emails to show instead of account ids, where known.</param>
    public static string Describe(KillSwitchScope scope, IReadOnlyDictionary<Guid, string>? accountEmails = null)
    {
        var parts = new List<string> { Selector(scope) };
        Add(parts, "actions", scope.Actions);
        Add(parts, "models", scope.Models);
        Add(parts, "firmware", scope.Firmware);
        Add(parts, "regions", scope.Regions);
        Add(parts, "accounts", scope.Accounts?.Select(id => accountEmails?.GetValueOrDefault(id) ?? id.ToString()).ToArray());
        Add(parts, "devices", scope.Devices);
        if (parts.Count == 1)
        {
            parts.Add("every action on every device");
        }
        return string.Join(Separator, parts);
    }

    public static string Selector(KillSwitchScope scope) =>
        scope.AllIntegrations ? "All integrations"
        : scope.IntegrationKind is { } kind ? $"Every {kind} integration"
        : scope.Integration is { } key ? $"Integration {key}"
        : "No integration chosen";

    private static void Add(List<string> parts, string name, IReadOnlyList<string>? values)
    {
        if (values is { Count: > 0 })
        {
            parts.Add($"{name}: {string.Join(", ", values)}");
        }
    }
}
