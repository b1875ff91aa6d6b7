using Dashboard.Core.Accounts;
using Dashboard.Core.Devices;

namespace Dashboard.Web.Api;

/// <summary><c>GET /api/v1/devices/{serial}</c>, and what ownership operations answer with.</summary>
public sealed record DeviceResponse(
    string Serial,
    string Mac,
    string Model,
    string Firmware,
    string Region,
    DeviceStatus Status,
    AccountRef? Owner,
    long OwnershipVersion,
    IReadOnlyList<DeviceAccessResponse> Access)
{
    public static DeviceResponse From(DeviceDetails device, IReadOnlyList<DeviceAccessResponse> access) => new(
        device.Serial, device.Mac, device.Model, device.Firmware, device.Region, device.Status, device.Owner,
        device.OwnershipVersion, access);
}

/// <summary>
/// One decision of the device's access list: for each integration its owner has an active link to, each of
/// that integration's actions, decided by the same engine as the decision API.
/// </summary>
public sealed record DeviceAccessResponse(string Integration, string Action, string Decision, string Reason);
