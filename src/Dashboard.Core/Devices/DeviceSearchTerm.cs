using Dashboard.Core.Accounts;

namespace Dashboard.Core.Devices;

/// <summary>
/// What a device search query means, each part already in the canonical form of its column so a prefix LIKE
/// can use the column's <c>text_pattern_ops</c> index: a serial prefix (upper case), a MAC prefix (hex digits
/// only, separators dropped) when the query can be the start of a MAC, an owner email prefix (lower case), and an
/// owner id when the query is a uuid.
/// </summary>
public sealed record DeviceSearchTerm(string SerialPrefix, string? MacPrefix, string OwnerEmailPrefix, Guid? OwnerId)
{
    private const int MacHexDigits = 12;

    /// <summary>Null when the query is empty or blank: list everything.</summary>
    public static DeviceSearchTerm? Parse(string? query)
    {
        var trimmed = query?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        return new DeviceSearchTerm(
            Device.CanonicalSerial(trimmed),
            MacPrefixOf(trimmed),
            Account.CanonicalEmail(trimmed),
            Guid.TryParse(trimmed, out var id) ? id : null);
    }

    /// <summary>
    /// Only a query made of hex digits and MAC separators can be a MAC prefix. Without this rule "DEMO-CAM" would
    /// be read as the MAC prefix "DECA" (its hex letters) and match unrelated cameras.
    /// </summary>
    internal static string? MacPrefixOf(string query)
    {
        if (!query.All(c => Uri.IsHexDigit(c) || c is ':' or '-' or '.' or ' '))
        {
            return null;
        }
        var canonical = Device.CanonicalMac(query);
        return canonical.Length is > 0 and <= MacHexDigits ? canonical : null;
    }
}
