using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Core.Auth;

/// <summary>
/// The SHA-256 of a secret (same bytes as <see cref="SecretHash.Sha256"/>) as a value type, so in-memory
/// credential lookups on the request path hash and compare without allocating. A dictionary keyed by this is
/// safe against timing probes: an attacker who cannot invert SHA-256 learns nothing from how fast a miss is.
/// </summary>
public readonly record struct SecretDigest(ulong P0, ulong P1, ulong P2, ulong P3)
{
    private const int StackLimit = 512;

    public static SecretDigest Of(string secret)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(secret.Length);
        byte[]? rented = null;
        var buffer = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = Encoding.UTF8.GetBytes(secret, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..length], hash);
            return FromHash(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>From a stored 32-byte hash (a <c>token_hash</c> or <c>key_hash</c> column).</summary>
    public static SecretDigest FromHash(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != SHA256.HashSizeInBytes)
        {
            throw new ArgumentException($"A SHA-256 hash has {SHA256.HashSizeInBytes} bytes, not {hash.Length}.", nameof(hash));
        }
        return new SecretDigest(
            BinaryPrimitives.ReadUInt64BigEndian(hash),
            BinaryPrimitives.ReadUInt64BigEndian(hash[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(hash[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(hash[24..]));
    }

    public byte[] ToHash()
    {
        var hash = new byte[SHA256.HashSizeInBytes];
        BinaryPrimitives.WriteUInt64BigEndian(hash, P0);
        BinaryPrimitives.WriteUInt64BigEndian(hash.AsSpan(8), P1);
        BinaryPrimitives.WriteUInt64BigEndian(hash.AsSpan(16), P2);
        BinaryPrimitives.WriteUInt64BigEndian(hash.AsSpan(24), P3);
        return hash;
    }

    /// <summary>Never print a digest of a secret in logs by accident.</summary>
    public override string ToString() => "SecretDigest";
}
