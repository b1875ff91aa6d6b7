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
        // An entry written with a digest chains the digest, not the text: the text can then be erased (decision 0029).
        Append(sb, e.ReasonDigest ?? e.Reason);
        Append(sb, e.Data);
        Append(sb, Convert.ToHexString(e.PreviousHash));
        return SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    public const string ReasonDigestPrefix = "sha256:";

    /// <summary>The commitment chained in place of a reason: SHA-256 over the salt and the reason's UTF-8 bytes.</summary>
    public static string ReasonDigest(byte[] salt, string reason)
    {
        var text = Encoding.UTF8.GetBytes(reason);
        var bytes = new byte[salt.Length + text.Length];
        salt.CopyTo(bytes, 0);
        text.CopyTo(bytes, salt.Length);
        return ReasonDigestPrefix + Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>
    /// False when the entry's reason text (kept outside the chain) is not the one its chained digest commits to.
    /// An erased reason (text and salt gone) has nothing left to compare and is consistent.
    /// </summary>
    public static bool ReasonMatchesDigest(AuditEntry e) =>
        e.ReasonDigest is null
        || (e.Reason is null && e.ReasonSalt is null)
        || (e.Reason is not null && e.ReasonSalt is not null && ReasonDigest(e.ReasonSalt, e.Reason) == e.ReasonDigest);

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
