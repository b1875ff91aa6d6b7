using System.Globalization;

namespace Dashboard.LocalPostgres;

/// <summary>A folder holding the three server programs the runner needs.</summary>
public sealed record PostgresBinaries(string BinDirectory)
{
    public const string EnvironmentVariable = "DASHBOARD_PG_BIN";
    internal static readonly string[] RequiredPrograms = ["initdb", "pg_ctl", "postgres"];

    public string InitDb => Path.Combine(BinDirectory, "initdb");
    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");
    public string Postgres => Path.Combine(BinDirectory, "postgres");

    /// <summary>Finds the binaries on this machine; see <see cref="PostgresBinaryLocator"/> for the order.</summary>
    public static PostgresBinaries Locate(string? configuredDirectory) =>
        new PostgresBinaryLocator(
            configuredDirectory,
            Environment.GetEnvironmentVariable(EnvironmentVariable),
            Environment.GetEnvironmentVariable("PATH")).Locate();

    internal static bool HoldsAll(string directory) =>
        RequiredPrograms.All(p => File.Exists(Path.Combine(directory, p)));
}

/// <summary>
/// Looks for PostgreSQL server binaries, first match wins: the configured folder, <c>DASHBOARD_PG_BIN</c>,
/// <c>pg_ctl</c> on PATH (symlinks resolved, since Debian's /usr/bin/pg_ctl is a wrapper script), then the
/// well-known install folders, newest version first. A folder named explicitly (configuration or environment)
/// that lacks the programs is an error rather than silently skipped: the person meant that one.
/// </summary>
/// <param name="fileSystemRoot">Prefix for the well-known folders; tests point it at a temporary folder.</param>
internal sealed class PostgresBinaryLocator(
    string? configuredDirectory, string? environmentDirectory, string? pathVariable, string fileSystemRoot = "/")
{
    public PostgresBinaries Locate()
    {
        if (!string.IsNullOrWhiteSpace(configuredDirectory))
        {
            return Explicit(configuredDirectory, "Dashboard__PostgresBin");
        }
        if (!string.IsNullOrWhiteSpace(environmentDirectory))
        {
            return Explicit(environmentDirectory, PostgresBinaries.EnvironmentVariable);
        }

        var searched = new List<string>();
        foreach (var candidate in Candidates())
        {
            searched.Add(candidate);
            if (PostgresBinaries.HoldsAll(candidate))
            {
                return new PostgresBinaries(candidate);
            }
        }
        throw new PostgresBinariesNotFoundException(
            "No PostgreSQL server binaries (initdb, pg_ctl, postgres) were found. " + PostgresBinariesNotFoundException.Advice +
            (searched.Count == 0 ? "" : " Searched: " + string.Join(", ", searched.Distinct()) + "."));
    }

    /// <summary>Folders to try, in order, after the explicit settings.</summary>
    public IEnumerable<string> Candidates()
    {
        foreach (var folder in FromPath())
        {
            yield return folder;
        }
        foreach (var folder in Versioned(Rooted("usr/lib/postgresql"), "", "bin"))
        {
            yield return folder;
        }
        yield return Rooted("usr/local/pgsql/bin");
        foreach (var brew in new[] { "opt/homebrew/opt", "usr/local/opt" })
        {
            foreach (var folder in Versioned(Rooted(brew), "postgresql", "bin"))
            {
                yield return folder;
            }
        }
    }

    private static PostgresBinaries Explicit(string directory, string setting)
    {
        var full = Path.GetFullPath(directory);
        if (PostgresBinaries.HoldsAll(full))
        {
            return new PostgresBinaries(full);
        }
        var missing = PostgresBinaries.RequiredPrograms.Where(p => !File.Exists(Path.Combine(full, p)));
        throw new PostgresBinariesNotFoundException(
            $"{setting} points at '{full}', which does not hold {string.Join(", ", missing)}. " +
            "Point it at the PostgreSQL server's bin folder (Debian/Ubuntu: /usr/lib/postgresql/<version>/bin).");
    }

    /// <summary>The folder of each <c>pg_ctl</c> on PATH, and the folder its symlink chain ends in.</summary>
    private IEnumerable<string> FromPath()
    {
        if (string.IsNullOrEmpty(pathVariable))
        {
            yield break;
        }
        foreach (var entry in pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var pgCtl = Path.Combine(entry, "pg_ctl");
            if (!File.Exists(pgCtl))
            {
                continue;
            }
            yield return Path.GetFullPath(entry);
            var target = ResolveLinks(pgCtl);
            if (target is not null && Path.GetDirectoryName(target) is { } targetFolder)
            {
                yield return targetFolder;
            }
        }
    }

    private static string? ResolveLinks(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary><c>{parent}/{prefix}{version}/{leaf}</c> for every version folder, highest version first
    /// (<c>postgresql@16</c> before <c>postgresql@9.6</c>; unversioned <c>postgresql</c> last).</summary>
    private static IEnumerable<string> Versioned(string parent, string prefix, string leaf)
    {
        if (!Directory.Exists(parent))
        {
            return [];
        }
        return Directory.EnumerateDirectories(parent, prefix + "*")
            .Select(folder => (folder, version: ParseVersion(Path.GetFileName(folder)[prefix.Length..].TrimStart('@', '-'))))
            .OrderByDescending(x => x.version)
            .ThenBy(x => x.folder, StringComparer.Ordinal)
            .Select(x => Path.Combine(x.folder, leaf));
    }

    internal static Version ParseVersion(string text)
    {
        var parts = text.Split('.').Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
        if (parts.Length == 0 || parts.Any(p => p < 0))
        {
            return new Version(0, 0);
        }
        return parts.Length == 1 ? new Version(parts[0], 0) : new Version(parts[0], parts[1]);
    }

    private string Rooted(string relative) => Path.Combine(fileSystemRoot, relative);
}
