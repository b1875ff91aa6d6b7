using Dashboard.Core.Access;
using Dashboard.Core.KillSwitches;

namespace Dashboard.Web.Components.Pages.KillSwitches;

public enum ScopeSelector
{
    Integration,
    Kind,
    All,
}

/// <summary>
/// The builder's form. Narrowing pickers left empty narrow nothing (the scope omits the list), which is how the
/// contract reads an absent list; accounts and devices are typed, one or more per line.
/// </summary>
public sealed class ScopeDraft
{
    public ScopeSelector Selector { get; set; } = ScopeSelector.Integration;
    public string? Integration { get; set; }
    public string? Kind { get; set; }
    public IEnumerable<string> Actions { get; set; } = [];
    public IReadOnlyList<string> Models { get; set; } = [];
    public IReadOnlyList<string> Firmware { get; set; } = [];
    public IReadOnlyList<string> Regions { get; set; } = [];
    public string AccountsText { get; set; } = "";
    public string DevicesText { get; set; } = "";
    public string Reason { get; set; } = "";
    public string Incident { get; set; } = "";

    public IReadOnlyList<string> AccountEntries => Entries(AccountsText);
    public IReadOnlyList<string> DeviceEntries => Entries(DevicesText);

    /// <summary>Ids, emails and serials hold no spaces or commas, so any of those separates entries.</summary>
    public static IReadOnlyList<string> Entries(string text) =>
        text.Split([' ', '\t', '\r', '\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();

    /// <summary>The scope as the service takes it, with the accounts already resolved to ids.</summary>
    public KillSwitchScope ToScope(IReadOnlyList<Guid> accounts) => new()
    {
        Integration = Selector == ScopeSelector.Integration ? Integration : null,
        IntegrationKind = Selector == ScopeSelector.Kind ? Kind : null,
        AllIntegrations = Selector == ScopeSelector.All,
        // Every action ticked means every action: the list is left out, as the API reads an absent one.
        Actions = Actions.Distinct(StringComparer.Ordinal).Count() == AccessActionNames.Each.Count ? null : OrNull(Actions),
        Models = OrNull(Models),
        Firmware = OrNull(Firmware),
        Regions = OrNull(Regions),
        Accounts = accounts.Count == 0 ? null : accounts,
        Devices = OrNull(DeviceEntries),
    };

    private static string[]? OrNull(IEnumerable<string> values)
    {
        var list = values.ToArray();
        return list.Length == 0 ? null : list;
    }
}
