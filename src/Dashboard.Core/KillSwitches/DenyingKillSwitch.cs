namespace Dashboard.Core.KillSwitches;

/// <summary>A kill switch as a decision sees it: only its scope matters, its id says which switch denied.</summary>
public sealed record DenyingKillSwitch(Guid Id, KillSwitchScope Scope)
{
    /// <summary>
    /// The switches that still deny. Filtering on <see cref="KillSwitch.Denies"/> (not on status) keeps a switch whose
    /// lift is only requested in the list: lifting takes a second admin's approval, and until then it still denies.
    /// </summary>
    public static IReadOnlyList<DenyingKillSwitch> From(IEnumerable<KillSwitch> switches) =>
        switches.Where(s => s.Denies).Select(s => new DenyingKillSwitch(s.Id, s.Scope)).ToArray();
}
