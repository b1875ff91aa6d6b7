using Dashboard.Core.Access;
using Dashboard.Core.Devices;

namespace Dashboard.Web.Api;

internal static class DeviceAccess
{
    /// <summary>The device as the API shows it, with its effective access computed now.</summary>
    public static async Task<DeviceResponse> ResponseAsync(DeviceDetails device, EffectiveAccess access, CancellationToken ct)
    {
        var entries = await access.ForDeviceAsync(device.Serial, device.Owner?.Id, ct);
        return DeviceResponse.From(device, entries
            .Select(e => new DeviceAccessResponse(
                e.IntegrationKey,
                AccessActionNames.ToName(e.Action),
                e.Decision.Decision.ToWireName(),
                e.Decision.Reason.ToWireName()))
            .ToList());
    }
}
