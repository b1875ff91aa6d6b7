using System.Diagnostics.CodeAnalysis;

namespace Dashboard.Core.Access;

/// <summary>What a bridge may ask to do with a camera. Flags, so a set of actions is one value.</summary>
[Flags]
public enum AccessActions
{
    None = 0,
    Stream = 1,
    Snapshot = 2,
    Events = 4,
    Control = 8,
    All = Stream | Snapshot | Events | Control,
}

public static class AccessActionNames
{
    /// <summary>The single actions in contract order, each with its wire name.</summary>
    public static readonly IReadOnlyList<(AccessActions Action, string Name)> Each =
    [
        (AccessActions.Stream, "stream"),
        (AccessActions.Snapshot, "snapshot"),
        (AccessActions.Events, "events"),
        (AccessActions.Control, "control"),
    ];

    /// <summary>
    /// True only for exactly one known action. A request names one action; a combination or an unknown bit is not a
    /// question the engine can answer, so callers treat it as malformed.
    /// </summary>
    public static bool IsSingle(AccessActions action) => TryGetName(action, out _);

    /// <summary>The wire name of a single action; false for a combination, <see cref="AccessActions.None"/> or an unknown bit.</summary>
    public static bool TryGetName(AccessActions single, [NotNullWhen(true)] out string? name)
    {
        foreach (var (a, n) in Each)
        {
            if (a == single)
            {
                name = n;
                return true;
            }
        }
        name = null;
        return false;
    }

    public static string ToName(AccessActions single) =>
        Each.FirstOrDefault(e => e.Action == single).Name
        ?? throw new ArgumentOutOfRangeException(nameof(single), single, "Not a single action.");

    /// <summary>Exact, lower-case wire names only: "Stream" or " stream" are not actions.</summary>
    public static bool TryParse(string? name, out AccessActions action)
    {
        foreach (var (a, n) in Each)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                action = a;
                return true;
            }
        }
        action = AccessActions.None;
        return false;
    }

    public static IEnumerable<string> Names(AccessActions set) =>
        Each.Where(e => set.HasFlag(e.Action)).Select(e => e.Name);
}
