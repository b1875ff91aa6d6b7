using Dashboard.Core.Accounts;

namespace Dashboard.Core.Devices;

/// <summary>A row of the device search. <see cref="Mac"/> is formatted for display (AA:BB:CC:DD:EE:FF).</summary>
public sealed record DeviceSummary(
    string Serial, string Mac, string Model, string Firmware, string Region, DeviceStatus Status, AccountRef? Owner);

/// <summary>One device with what a client needs to change its ownership safely.</summary>
public sealed record DeviceDetails(
    Guid Id,
    string Serial,
    string Mac,
    string Model,
    string Firmware,
    string Region,
    DeviceStatus Status,
    AccountRef? Owner,
    long OwnershipVersion);
