using Dashboard.Core.Devices;

namespace Dashboard.Core.Access;

/// <summary>
/// What a decision needs to know about a camera: its owner, and the attributes a kill switch can be narrowed by.
/// <see cref="OwnershipVersion"/> lets a cache tell that the facts are about the owner it thinks they are about.
/// </summary>
public sealed record DeviceFacts(
    string Serial, Guid? OwnerId, string Model, string Firmware, string Region, long OwnershipVersion)
{
    public static DeviceFacts From(Device device) =>
        new(device.Serial, device.OwnerId, device.Model, device.Firmware, device.Region, device.OwnershipVersion);
}
