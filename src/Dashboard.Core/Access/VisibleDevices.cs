namespace Dashboard.Core.Access;

/// <summary>
/// What an integration may reach for one account right now (a Google SYNC or an Alexa Discovery answer). Asks
/// <see cref="DecisionEngine"/> once per device and action, so it can never disagree with a check: one set of rules.
/// </summary>
public static class VisibleDevices
{
    /// <returns>
    /// Devices with at least one allowed action, ordered by serial (ordinal, as canonical serials sort). An unknown or
    /// locked account gets an empty list because the engine denies its every request, not by a rule of its own.
    /// </returns>
    public static IReadOnlyList<VisibleDevice> For(Guid integrationId, Guid accountId, AccountFleetFacts facts)
    {
        if (facts?.Devices is null)
        {
            return [];
        }
        var allowed = new SortedDictionary<string, AccessActions>(StringComparer.Ordinal);
        foreach (var owned in facts.Devices)
        {
            if (owned?.Device is not { Serial: not null } device)
            {
                continue;
            }
            var actions = AllowedActions(integrationId, accountId, device.Serial, facts.ForDevice(device, owned.Exposed));
            // A serial listed twice with different facts is inconsistent: only what every listing allows survives.
            allowed[device.Serial] = allowed.TryGetValue(device.Serial, out var earlier) ? earlier & actions : actions;
        }
        return allowed
            .Where(entry => entry.Value != AccessActions.None)
            .Select(entry => new VisibleDevice(entry.Key, entry.Value))
            .ToArray();
    }

    private static AccessActions AllowedActions(Guid integrationId, Guid accountId, string serial, AccessFacts facts)
    {
        var allowed = AccessActions.None;
        foreach (var (action, _) in AccessActionNames.Each)
        {
            var request = new AccessRequest(integrationId, accountId, serial, action);
            if (DecisionEngine.Decide(request, facts).IsAllowed)
            {
                allowed |= action;
            }
        }
        return allowed;
    }
}
