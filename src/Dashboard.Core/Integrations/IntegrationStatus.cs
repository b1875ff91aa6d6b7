using Dashboard.Core.KillSwitches;

namespace Dashboard.Core.Integrations;

/// <summary>One integration on the status board: how far it reaches, how its decisions go, and what is switched off.</summary>
public sealed record IntegrationStatus(
    Guid Id,
    string Key,
    string Name,
    IntegrationKind Kind,
    long ActiveLinks,
    long ExposedDevices,
    DecisionRates Decisions,
    IReadOnlyList<AffectingKillSwitch> KillSwitches);

/// <summary>Decisions counted over the last <see cref="WindowMinutes"/> minutes (the current one included).</summary>
public sealed record DecisionRates(int WindowMinutes, long Allowed, long Denied)
{
    public double AllowedPerMinute => WindowMinutes == 0 ? 0 : (double)Allowed / WindowMinutes;
    public double DeniedPerMinute => WindowMinutes == 0 ? 0 : (double)Denied / WindowMinutes;
    public bool Any => Allowed + Denied > 0;
}

/// <summary>A switch that still denies and whose selector reaches the integration (it may be narrowed further).</summary>
public sealed record AffectingKillSwitch(Guid Id, KillSwitchScope Scope, string Reason, string? Incident, KillSwitchStatus Status, DateTime ActivatedAt);
