using Dashboard.Core.Devices;

namespace Dashboard.Core.KillSwitches;

public static class KillSwitchScopes
{
    /// <summary>
    /// The scope as it should be stored once <see cref="KillSwitchScopeValidator"/> accepted it: narrowing text
    /// trimmed, serials upper case like a device's, duplicates dropped, so matching, preview and history all compare
    /// the same values. Selectors and action names are left alone: the validator already accepts only exact ones.
    /// </summary>
    public static KillSwitchScope Canonical(KillSwitchScope scope) => scope with
    {
        Actions = Distinct(scope.Actions, a => a),
        Models = Distinct(scope.Models, m => m.Trim()),
        Firmware = Distinct(scope.Firmware, f => f.Trim()),
        Regions = Distinct(scope.Regions, r => r.Trim()),
        Accounts = scope.Accounts?.Distinct().ToArray(),
        Devices = Distinct(scope.Devices, Device.CanonicalSerial),
    };

    // Null entries are kept as they are (the validator reports them) rather than thrown on.
    private static string[]? Distinct(IReadOnlyList<string>? values, Func<string, string> canonical) =>
        values?.Select(v => v is null ? v! : canonical(v)).Distinct(StringComparer.Ordinal).ToArray();
}
