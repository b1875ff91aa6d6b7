using Dashboard.Core.Access;

namespace Dashboard.Core.KillSwitches;

/// <summary>
/// Does a kill switch scope cover a request? Valid scopes (see <see cref="KillSwitchScopeValidator"/>) match exactly
/// as the contract says: the one selector picks integrations, each narrowing list that is present must contain the
/// request's value.
/// </summary>
/// <remarks>
/// A stored scope should always be valid, but a switch exists to stop harm, so a scope that cannot be read must never
/// let a request through that its author may have meant to stop. Every part that cannot be evaluated therefore
/// <em>matches</em>, while the readable parts still narrow:
/// <list type="bullet">
/// <item>a null scope matches everything;</item>
/// <item>zero selectors, two or more, a blank integration key or an unknown kind cover every integration;</item>
/// <item>a narrowing list that is empty, or holds a blank entry or an unknown action name, narrows nothing;</item>
/// <item>a target value that is missing (null text, an action that is not exactly one known action, an integration
/// kind outside the enum) is covered by any narrowing of that dimension.</item>
/// </list>
/// The result is never "matches less than the valid reading would", so an invalid stored scope denies at least what
/// it was meant to deny, and possibly more (visible in the blast radius).
/// </remarks>
public static class KillSwitchMatcher
{
    public static bool Matches(KillSwitchScope? scope, in KillSwitchTarget target)
    {
        if (scope is null)
        {
            return true;
        }
        return SelectorCovers(scope, target)
            && ListAdmits(scope.Actions, target.Action, IsKnownActionName, static (entry, action) => IsAction(entry, action))
            && ListAdmits(scope.Models, target.Model, IsReadableEntry, static (entry, model) => string.Equals(entry, model, StringComparison.Ordinal))
            && ListAdmits(scope.Firmware, target.Firmware, IsReadableEntry, static (entry, firmware) => string.Equals(entry, firmware, StringComparison.Ordinal))
            && ListAdmits(scope.Regions, target.Region, IsReadableEntry, static (entry, region) => string.Equals(entry, region, StringComparison.Ordinal))
            && AccountsAdmit(scope.Accounts, target.AccountId)
            && ListAdmits(scope.Devices, target.Serial, IsReadableEntry, static (entry, serial) => IsSameSerial(entry, serial));
    }

    /// <summary>
    /// Does the scope's selector reach this integration at all (ignoring its narrowing lists)? For showing which
    /// switches affect an integration; read with the same fail-closed rules as <see cref="Matches"/>.
    /// </summary>
    public static bool CoversIntegration(KillSwitchScope? scope, string integrationKey, Integrations.IntegrationKind kind) =>
        scope is null || SelectorCovers(scope, new KillSwitchTarget(integrationKey, kind, AccessActions.None, "", "", "", "", Guid.Empty));

    private static bool SelectorCovers(KillSwitchScope scope, in KillSwitchTarget target)
    {
        var selectors = (scope.Integration is null ? 0 : 1) + (scope.IntegrationKind is null ? 0 : 1) + (scope.AllIntegrations ? 1 : 0);
        if (selectors != 1 || scope.AllIntegrations)
        {
            // None, or several: which integrations were meant is unknowable, so all of them are covered.
            return true;
        }
        if (scope.Integration is { } key)
        {
            // Trimmed and case-insensitive: a stored " Google-Assistant" must still stop google-assistant.
            var trimmed = key.AsSpan().Trim();
            return trimmed.IsEmpty
                || target.IntegrationKey is null
                || trimmed.Equals(target.IntegrationKey, StringComparison.OrdinalIgnoreCase);
        }
        return !IntegrationKindNames.TryParse(scope.IntegrationKind, out var kind)
            || !Enum.IsDefined(target.IntegrationKind)
            || kind == target.IntegrationKind;
    }

    /// <summary>Null admits all (no narrowing); an unreadable list or an unknown target value admits too (fail closed).</summary>
    private static bool ListAdmits<T>(
        IReadOnlyList<string>? list, T value, Func<string?, bool> isValidEntry, Func<string, T, bool> equals)
    {
        if (list is null || list.Count == 0 || value is null)
        {
            return true;
        }
        var admits = false;
        for (var i = 0; i < list.Count; i++)
        {
            var entry = list[i];
            if (!isValidEntry(entry))
            {
                return true;
            }
            admits |= equals(entry!, value);
        }
        return admits;
    }

    private static bool AccountsAdmit(IReadOnlyList<Guid>? accounts, Guid accountId)
    {
        if (accounts is null || accounts.Count == 0)
        {
            return true;
        }
        for (var i = 0; i < accounts.Count; i++)
        {
            if (accounts[i] == accountId)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsReadableEntry(string? entry) => !string.IsNullOrWhiteSpace(entry);

    private static bool IsKnownActionName(string? entry) => AccessActionNames.TryParse(entry, out _);

    // An action that is not exactly one known action cannot be compared with a name: treat it as covered.
    private static bool IsAction(string entry, AccessActions action) =>
        !AccessActionNames.TryGetName(action, out var name) || string.Equals(entry, name, StringComparison.Ordinal);

    // Scopes store canonical serials; comparing canonically anyway keeps a hand-written lower-case serial effective.
    private static bool IsSameSerial(string entry, string serial) =>
        entry.AsSpan().Trim().Equals(serial.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);
}
