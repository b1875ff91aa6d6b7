using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Core.Audit;

/// <summary>The canonical form of an audit entry and its hash. Changing this breaks every existing chain.</summary>
public static class AuditChain
{
    public static readonly byte[] GenesisHash = new byte[32];

    public static byte[] ComputeHash(AuditEntry e)
    {
        // Length-prefixed fields: no delimiter inside a value can make two different entries hash alike.
        var sb = new StringBuilder();
        Append(sb, e.Id.ToString(CultureInfo.InvariantCulture));
        Append(sb, e.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Append(sb, e.Actor);
        Append(sb, e.Action);
        Append(sb, e.EntityType);
        Append(sb, e.EntityId);
        Append(sb, e.Reason);
        Append(sb, e.Data);
        Append(sb, Convert.ToHexString(e.PreviousHash));
        return SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    private static void Append(StringBuilder sb, string? value)
    {
        if (value is null)
        {
            sb.Append("-1:");
            return;
        }
        sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}
