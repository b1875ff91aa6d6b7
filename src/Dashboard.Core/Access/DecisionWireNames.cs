namespace Dashboard.Core.Access;

/// <summary>The codes the API and the decision log use. Exhaustive switches: a new reason cannot go out unnamed.</summary>
public static class DecisionWireNames
{
    public static string ToWireName(this Decision decision) => decision switch
    {
        Decision.Allow => "allow",
        Decision.Deny => "deny",
    };

    public static string ToWireName(this DecisionReason reason) => reason switch
    {
        DecisionReason.UnknownAccount => "unknown_account",
        DecisionReason.UnknownDevice => "unknown_device",
        DecisionReason.NotOwner => "not_owner",
        DecisionReason.KillSwitch => "kill_switch",
        DecisionReason.AccountLocked => "account_locked",
        DecisionReason.NotLinked => "not_linked",
        DecisionReason.NotExposed => "not_exposed",
        DecisionReason.ActionNotGranted => "action_not_granted",
        DecisionReason.Allowed => "allowed",
    };

    /// <summary>Exact wire names only (counters and stored decisions are read back with it).</summary>
    public static bool TryParseReason(string? name, out DecisionReason reason)
    {
        foreach (var candidate in Enum.GetValues<DecisionReason>())
        {
            if (string.Equals(candidate.ToWireName(), name, StringComparison.Ordinal))
            {
                reason = candidate;
                return true;
            }
        }
        reason = default;
        return false;
    }
}
