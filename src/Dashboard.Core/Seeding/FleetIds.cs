using System.Buffers.Binary;

namespace Dashboard.Core.Seeding;

/// <summary>
/// Ids of generated fleet rows, derived from their fleet index so a re-run produces the same ids (and so
/// inserts only what is missing). They are RFC 9562 version-8 (custom) UUIDs:
/// <c>5eedf1ee-KK00-8000-8000-IIIIIIIIIIII</c>, K the kind, I the index. Version 8 cannot collide with the
/// random (v4) or time-ordered (v7) ids the app assigns, and ids of one kind sort by index, so bulk inserts
/// append to the right edge of the primary-key index instead of touching random pages.
/// </summary>
public static class FleetIds
{
    private const uint Tag = 0x5EED_F1EE;
    private const long MaxIndex = (1L << 48) - 1;

    private enum Kind : byte
    {
        Account = 1,
        Device = 2,
        Link = 3,
    }

    public static Guid Account(long accountIndex) => Make(Kind.Account, accountIndex);

    public static Guid Device(long deviceIndex) => Make(Kind.Device, deviceIndex);

    /// <summary>The link of one account to one of <see cref="FleetCatalog.Integrations"/> (by position).</summary>
    public static Guid Link(long accountIndex, int integrationOrdinal) =>
        Make(Kind.Link, accountIndex * FleetCatalog.MaxIntegrations + integrationOrdinal);

    /// <summary>The smallest and largest id a generated device can have: the range to search for the last one.</summary>
    public static (Guid First, Guid Last) DeviceRange => (Make(Kind.Device, 0), Make(Kind.Device, MaxIndex));

    /// <summary>The fleet index of a generated device id, or null when the id is not one.</summary>
    public static long? DeviceIndex(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        Span<byte> expected = stackalloc byte[16];
        Make(Kind.Device, 0).TryWriteBytes(expected, bigEndian: true, out _);
        if (!bytes[..10].SequenceEqual(expected[..10]))
        {
            return null;
        }
        return (long)(BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]) & (ulong)MaxIndex);
    }

    private static Guid Make(Kind kind, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, MaxIndex);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, Tag);
        bytes[4] = (byte)kind;
        bytes[5] = 0;
        bytes[6] = 0x80; // version 8
        bytes[7] = 0;
        // Variant 10xx in byte 8; the index fills the low 48 bits (bytes 10..15).
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], 0x8000_0000_0000_0000UL | (ulong)index);
        return new Guid(bytes, bigEndian: true);
    }
}
