using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Core.Auth;

/// <summary>
/// Hashing for API tokens and bridge keys. They are random and high-entropy, so one SHA-256 is enough and keeps
/// the per-request cost tiny (a password hash here would cost milliseconds on the hot path).
/// </summary>
public static class SecretHash
{
    public static byte[] Sha256(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>A new random secret with a readable prefix, e.g. <c>fdt_…</c> for staff tokens.</summary>
    public static string NewSecret(string prefix) =>
        prefix + "_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>What the UI shows to tell secrets apart (never enough to use one).</summary>
    public static string DisplayPrefix(string secret) => secret.Length <= 8 ? secret[..Math.Min(4, secret.Length)] : secret[..8];
}
