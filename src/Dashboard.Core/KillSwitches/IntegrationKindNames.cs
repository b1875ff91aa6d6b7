using System.Diagnostics.CodeAnalysis;
using Dashboard.Core.Integrations;

namespace Dashboard.Core.KillSwitches;

/// <summary>The wire names of integration kinds, as a kill switch scope's <c>integrationKind</c> spells them.</summary>
public static class IntegrationKindNames
{
    public const string Assistant = "assistant";
    public const string Automation = "automation";

    public static readonly IReadOnlyList<string> All = [Assistant, Automation];

    /// <summary>False for a value outside the enum, so callers decide what an unknown kind means instead of catching.</summary>
    public static bool TryGetName(IntegrationKind kind, [NotNullWhen(true)] out string? name)
    {
        name = Enum.IsDefined(kind) ? ToName(kind) : null;
        return name is not null;
    }

    /// <summary>Exact, lower-case names only, as the contract writes them.</summary>
    public static bool TryParse(string? name, out IntegrationKind kind)
    {
        switch (name)
        {
            case Assistant:
                kind = IntegrationKind.Assistant;
                return true;
            case Automation:
                kind = IntegrationKind.Automation;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    // Exhaustive on purpose (CS8509 is an error): a new kind must be given a wire name here.
    private static string ToName(IntegrationKind kind) => kind switch
    {
        IntegrationKind.Assistant => Assistant,
        IntegrationKind.Automation => Automation,
    };
}
