using System.Security.Cryptography;

namespace Dashboard.LocalPostgres;

/// <summary>
/// The superuser's password: generated once, kept in a file beside the data folder that only the user running the
/// app may read or write (0600). As root the server runs as <c>postgres</c>, yet the file stays root's: the server
/// keeps only the SCRAM verifier, and the app is what reads the password to connect.
/// </summary>
internal static class ClusterPassword
{
    /// <summary>Owner read and write, nothing for group or others.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>256 random bits, base64url: nothing to quote in a connection string or an SQL literal.</summary>
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Writes the file with owner-only permissions from its creation on (a temporary file moved into place).</summary>
    public static void Write(string path, string password)
    {
        var temporary = path + ".new";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(password);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// The kept password, or null when there is no file. A file others may read is narrowed to 0600 first: the
    /// password stays the same, but it no longer leaks further.
    /// </summary>
    public static string? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != OwnerOnly)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
        var password = File.ReadAllText(path).Trim();
        return password.Length > 0
            ? password
            : throw new LocalPostgresException($"The PostgreSQL password file '{path}' is empty.");
    }
}
