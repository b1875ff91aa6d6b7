namespace Dashboard.Core.KillSwitches;

/// <summary>
/// What a kill switch covers: exactly one selector (one integration by key, every integration of a kind, or all),
/// optionally narrowed. A null narrowing list means "all"; an empty list is invalid (validated at the API).
/// Values are canonical: actions by wire name, serials upper case.
/// </summary>
public sealed record KillSwitchScope
{
    public string? Integration { get; init; }
    public string? IntegrationKind { get; init; }
    public bool AllIntegrations { get; init; }
    public IReadOnlyList<string>? Actions { get; init; }
    public IReadOnlyList<string>? Models { get; init; }
    public IReadOnlyList<string>? Firmware { get; init; }
    public IReadOnlyList<string>? Regions { get; init; }
    public IReadOnlyList<Guid>? Accounts { get; init; }
    public IReadOnlyList<string>? Devices { get; init; }
}
