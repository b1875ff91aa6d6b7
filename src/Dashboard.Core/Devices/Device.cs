using Dashboard.Core.Accounts;

namespace Dashboard.Core.Devices;

/// <summary>A camera. Serial and MAC are stored canonically so look-ups never depend on how a client typed them.</summary>
public sealed class Device
{
    public Guid Id { get; set; }

    /// <summary>Trimmed, upper case.</summary>
    public required string Serial { get; set; }

    /// <summary>Twelve upper-case hex digits, no separators (prefix search ignores separators).</summary>
    public required string Mac { get; set; }

    public required string Model { get; set; }
    public required string Firmware { get; set; }
    public required string Region { get; set; }
    public DeviceStatus Status { get; set; } = DeviceStatus.Active;
    public Guid? OwnerId { get; set; }
    public Account? Owner { get; set; }

    /// <summary>Bumped on every ownership change; cached facts carry it, and clients may pass it to detect races.</summary>
    public long OwnershipVersion { get; set; }

    public DateTime CreatedAt { get; set; }

    public static string CanonicalSerial(string serial) => serial.Trim().ToUpperInvariant();

    /// <summary>Removes separators and upper-cases; returns what is left even when it is not a full MAC (prefix search).</summary>
    public static string CanonicalMac(string mac)
    {
        var chars = mac.Where(Uri.IsHexDigit).Select(char.ToUpperInvariant).ToArray();
        return new string(chars);
    }

    /// <summary>AA:BB:CC:DD:EE:FF for display.</summary>
    public static string FormatMac(string canonical) =>
        canonical.Length == 12 ? string.Join(':', Enumerable.Range(0, 6).Select(i => canonical.Substring(i * 2, 2))) : canonical;
}

public enum DeviceStatus
{
    Active,
    Decommissioned,
}
