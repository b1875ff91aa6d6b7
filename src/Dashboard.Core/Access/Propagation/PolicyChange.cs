using Dashboard.Core.Devices;

namespace Dashboard.Core.Access.Propagation;

/// <summary>
/// What a committed change can alter in access decisions, so each instance invalidates just that: decisions about
/// these devices (by serial), these accounts, these integrations' links, or any kill switch. Name every subject whose
/// decisions may change: a transfer names the device (and may name both owners); an unlink names the account and the
/// integration. When in doubt, <see cref="Everything"/> is always correct, only slower.
/// </summary>
public sealed record PolicyChange
{
    public static readonly PolicyChange Everything = new() { All = true };

    public static readonly PolicyChange KillSwitchesChanged = new() { KillSwitches = true };

    /// <summary>Canonical serials (see <see cref="Device.CanonicalSerial"/>).</summary>
    public IReadOnlyList<string> Devices { get; init; } = [];

    public IReadOnlyList<Guid> Accounts { get; init; } = [];

    /// <summary>Integrations whose definition changed, or whose links changed wholesale.</summary>
    public IReadOnlyList<Guid> Integrations { get; init; } = [];

    /// <summary>A kill switch was fired, or its lift was approved.</summary>
    public bool KillSwitches { get; init; }

    /// <summary>Flush every cached decision fact and reload the catalog (bulk loads, repairs).</summary>
    public bool All { get; init; }

    /// <summary>The integrations and kill switches every instance holds in memory must be read again.</summary>
    public bool ChangesCatalog => All || KillSwitches || Integrations.Count > 0;

    public static PolicyChange ForDevices(params IEnumerable<string> serials) =>
        new() { Devices = serials.Select(Device.CanonicalSerial).Distinct(StringComparer.Ordinal).ToArray() };

    public static PolicyChange ForAccounts(params IEnumerable<Guid> accounts) =>
        new() { Accounts = accounts.Distinct().ToArray() };

    public static PolicyChange ForIntegrations(params IEnumerable<Guid> integrations) =>
        new() { Integrations = integrations.Distinct().ToArray() };

    /// <summary>Both changes in one (a transaction that changes several things notifies once).</summary>
    public PolicyChange And(PolicyChange other) => new()
    {
        Devices = Devices.Concat(other.Devices).Distinct(StringComparer.Ordinal).ToArray(),
        Accounts = Accounts.Concat(other.Accounts).Distinct().ToArray(),
        Integrations = Integrations.Concat(other.Integrations).Distinct().ToArray(),
        KillSwitches = KillSwitches || other.KillSwitches,
        All = All || other.All,
    };
}
