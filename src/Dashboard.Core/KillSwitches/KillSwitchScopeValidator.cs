using Dashboard.Core.Access;

namespace Dashboard.Core.KillSwitches;

/// <summary>
/// What the API refuses before a scope is previewed or stored: anything other than exactly one selector, an unknown
/// integration key, kind or action, and narrowing lists that are empty or hold blank entries. An empty list is refused
/// rather than read as "nothing": a switch that covers nothing is never what an admin under pressure meant.
/// </summary>
public static class KillSwitchScopeValidator
{
    /// <param name="scope">The scope as received.</param>
    /// <param name="knownIntegrationKeys">The keys of existing integrations (exact, case-sensitive).</param>
    /// <param name="path">
    /// The scope's JSON path, prefixed to field names (<c>scope.actions</c>). The preview endpoint, whose body is the
    /// bare scope, passes an empty path and gets <c>actions</c>; errors about the scope as a whole are named
    /// <c>scope</c> then.
    /// </param>
    public static IReadOnlyList<ScopeError> Validate(
        KillSwitchScope? scope, IReadOnlyCollection<string> knownIntegrationKeys, string path = "scope")
    {
        var whole = path.Length == 0 ? "scope" : path;
        if (scope is null)
        {
            return [new ScopeError(whole, "A scope is required.")];
        }
        string Field(string name) => path.Length == 0 ? name : $"{path}.{name}";

        var errors = new List<ScopeError>();
        ValidateSelector(scope, knownIntegrationKeys, whole, Field, errors);
        ValidateActions(scope.Actions, Field("actions"), errors);
        ValidateTexts(scope.Models, Field("models"), "model", errors);
        ValidateTexts(scope.Firmware, Field("firmware"), "firmware version", errors);
        ValidateTexts(scope.Regions, Field("regions"), "region", errors);
        if (scope.Accounts is { Count: 0 })
        {
            errors.Add(EmptyList(Field("accounts"), "account"));
        }
        ValidateTexts(scope.Devices, Field("devices"), "device", errors);
        return errors;
    }

    private static void ValidateSelector(
        KillSwitchScope scope, IReadOnlyCollection<string> knownKeys, string whole, Func<string, string> field, List<ScopeError> errors)
    {
        var given = new List<string>(3);
        if (scope.Integration is not null)
        {
            given.Add("integration");
        }
        if (scope.IntegrationKind is not null)
        {
            given.Add("integrationKind");
        }
        if (scope.AllIntegrations)
        {
            given.Add("allIntegrations");
        }
        if (given.Count == 0)
        {
            errors.Add(new ScopeError(whole, "Give exactly one of integration, integrationKind or allIntegrations: true."));
        }
        else if (given.Count > 1)
        {
            errors.Add(new ScopeError(whole, $"Give only one of integration, integrationKind or allIntegrations; got {string.Join(", ", given)}."));
        }

        if (scope.Integration is { } key && !knownKeys.Contains(key, StringComparer.Ordinal))
        {
            errors.Add(new ScopeError(field("integration"), $"Unknown integration '{key}'."));
        }
        if (scope.IntegrationKind is { } kind && !IntegrationKindNames.TryParse(kind, out _))
        {
            errors.Add(new ScopeError(
                field("integrationKind"),
                $"Unknown integration kind '{kind}'; expected {string.Join(" or ", IntegrationKindNames.All)}."));
        }
    }

    private static void ValidateActions(IReadOnlyList<string>? actions, string field, List<ScopeError> errors)
    {
        if (actions is null)
        {
            return;
        }
        if (actions.Count == 0)
        {
            errors.Add(EmptyList(field, "action"));
            return;
        }
        var expected = string.Join(", ", AccessActionNames.Each.Select(e => e.Name));
        foreach (var action in actions)
        {
            if (!AccessActionNames.TryParse(action, out _))
            {
                errors.Add(new ScopeError(field, $"Unknown action '{action}'; expected one of {expected}."));
            }
        }
    }

    private static void ValidateTexts(IReadOnlyList<string>? values, string field, string noun, List<ScopeError> errors)
    {
        if (values is null)
        {
            return;
        }
        if (values.Count == 0)
        {
            errors.Add(EmptyList(field, noun));
            return;
        }
        if (values.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(new ScopeError(field, "Entries must not be blank."));
        }
        // PostgreSQL text and jsonb cannot hold U+0000; refusing it here keeps a 400 from becoming a 500.
        if (values.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal)))
        {
            errors.Add(new ScopeError(field, "Entries must not contain U+0000."));
        }
    }

    private static ScopeError EmptyList(string field, string noun) =>
        new(field, $"Must not be empty; leave it out to cover every {noun}.");
}
