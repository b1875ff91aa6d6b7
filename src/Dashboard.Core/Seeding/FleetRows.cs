using System.Globalization;
using Dashboard.Core.Access;
using Dashboard.Core.Accounts;

namespace Dashboard.Core.Seeding;

/// <summary>
/// A generated customer account. Text columns are computed on access, when the row is written, so the rows
/// themselves stay small. The account's index is its first device's index.
/// </summary>
public readonly record struct FleetAccount(
    long Index, FleetRegion Region, int FirstName, int LastName, int Domain, bool Locked, DateTime CreatedAt, int DeviceCount)
{
    public Guid Id => FleetIds.Account(Index);

    /// <summary>Unique because it carries the index; never starts with "demo" nor ends with "@demo.test".</summary>
    public string Email =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Region.FirstNames[FirstName]}.{Region.LastNames[LastName]}{Index}@{FleetCatalog.EmailDomains[Domain]}")
            .ToLowerInvariant();

    public string DisplayName => Region.FirstNames[FirstName] + " " + Region.LastNames[LastName];

    public AccountStatus Status => Locked ? AccountStatus.Locked : AccountStatus.Active;

    /// <summary>True when any of this account's devices lies in <paramref name="range"/>.</summary>
    public bool Overlaps(FleetRange range) => Index < range.End && Index + DeviceCount > range.Start;
}

/// <summary>A generated camera; owned by the account <see cref="OwnerIndex"/>, or by nobody.</summary>
public readonly record struct FleetDevice(
    long Index, CameraModel Model, string Firmware, string Region, long? OwnerIndex, DateTime CreatedAt)
{
    public Guid Id => FleetIds.Device(Index);

    public Guid? OwnerId => OwnerIndex is { } owner ? FleetIds.Account(owner) : null;

    /// <summary>Model prefix and a zero-padded index, e.g. <c>MJSXJ02CM-000001234</c>: canonical, never DEMO- or NOPE-.</summary>
    public string Serial => string.Create(CultureInfo.InvariantCulture, $"{Model.SerialPrefix}-{Index:D9}");

    /// <summary>Vendor prefix and the index's low 24 bits: unique while the index is below <see cref="FleetCatalog.MaxDevices"/>.</summary>
    public string Mac
    {
        get
        {
            var oui = Model.Ouis[(int)(Index >> 24) % Model.Ouis.Count];
            var value = ((ulong)oui << 24) | ((ulong)Index & 0xFF_FFFF);
            return value.ToString("X12", CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>A generated account's active link to one of <see cref="FleetCatalog.Integrations"/>.</summary>
public readonly record struct FleetLink(long AccountIndex, int IntegrationOrdinal, AccessActions GrantedActions, DateTime LinkedAt)
{
    public Guid Id => FleetIds.Link(AccountIndex, IntegrationOrdinal);

    public Guid AccountId => FleetIds.Account(AccountIndex);

    public string IntegrationKey => FleetCatalog.Integrations[IntegrationOrdinal].Key;
}

/// <summary>An owner showed one of their devices to one of their linked integrations.</summary>
public readonly record struct FleetExposure(long AccountIndex, int IntegrationOrdinal, long DeviceIndex, DateTime CreatedAt)
{
    public Guid LinkId => FleetIds.Link(AccountIndex, IntegrationOrdinal);

    public Guid DeviceId => FleetIds.Device(DeviceIndex);
}

/// <summary>The generated rows of one range of fleet indexes.</summary>
public sealed class FleetSlice(FleetRange range)
{
    public FleetRange Range { get; } = range;
    public List<FleetAccount> Accounts { get; } = [];
    public List<FleetDevice> Devices { get; } = [];
    public List<FleetLink> Links { get; } = [];
    public List<FleetExposure> Exposures { get; } = [];
}

/// <summary>Fleet indexes [Start, Start + Count).</summary>
public readonly record struct FleetRange(long Start, long Count)
{
    public long End => Start + Count;

    public bool Contains(long index) => index >= Start && index < End;

    public static FleetRange Create(long start, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (start + count > FleetCatalog.MaxDevices)
        {
            throw new ArgumentOutOfRangeException(nameof(count),
                $"The generated fleet holds at most {FleetCatalog.MaxDevices:N0} devices (asked for up to index {start + count:N0}).");
        }
        return new FleetRange(start, count);
    }
}
