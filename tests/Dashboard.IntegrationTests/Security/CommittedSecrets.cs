using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Dashboard.IntegrationTests.Security;

/// <summary>
/// Looks through the repository's tracked files for credentials that should never be committed: private keys and
/// key stores, connection strings or PostgreSQL settings carrying a password other than the documented
/// Development one, secrets in this app's own formats (issued bridge keys and staff tokens), and well-known cloud
/// token formats. The Development demo credentials (README, <c>WellKnownDemoSecrets</c>) are none of these.
/// </summary>
internal static partial class CommittedSecrets
{
    /// <summary>The only password the repository may carry: the compose file's Development default (README).</summary>
    public static readonly IReadOnlySet<string> DocumentedPasswords = new HashSet<string>(StringComparer.Ordinal) { "dashboard-dev-only" };

    private static readonly string[] KeyFileExtensions = [".pfx", ".p12", ".pem", ".key", ".jks", ".keystore"];

    /// <summary>Findings in one file's text, as "reason: excerpt".</summary>
    public static IEnumerable<string> Find(string fileName, string text)
    {
        if (KeyFileExtensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase))
        {
            yield return "a key or certificate store file";
        }
        if (Path.GetFileName(fileName) is ".env" || Path.GetFileName(fileName).StartsWith(".env.", StringComparison.Ordinal))
        {
            yield return "an environment file (put it in .gitignore)";
        }
        foreach (Match m in PrivateKey().Matches(text))
        {
            yield return $"a private key: {m.Value}";
        }
        foreach (Match m in ConnectionStringPassword().Matches(text).Concat(PostgresPasswordSetting().Matches(text)))
        {
            var committed = CommittedValue(m.Groups["value"].Value);
            if (committed is not null && !DocumentedPasswords.Contains(committed))
            {
                yield return $"a password: {m.Value}";
            }
        }
        foreach (Match m in AppSecret().Matches(text).Concat(CloudToken().Matches(text)))
        {
            yield return $"a credential: {m.Value[..Math.Min(12, m.Value.Length)]}…";
        }
    }

    /// <summary>
    /// The password a value commits: itself, or the default of a <c>${VAR:-default}</c> placeholder; null when the
    /// value only names where the password comes from (<c>${VAR}</c>, <c>${VAR:?message}</c>).
    /// </summary>
    public static string? CommittedValue(string value)
    {
        var placeholder = Placeholder().Match(value);
        if (!placeholder.Success)
        {
            return value;
        }
        return placeholder.Groups["default"].Success ? placeholder.Groups["default"].Value : null;
    }

    /// <summary>Tracked files (git ls-files), or every file outside build output when there is no git checkout.</summary>
    public static IReadOnlyList<string> TrackedFiles(string root)
    {
        try
        {
            var git = Process.Start(new ProcessStartInfo("git", ["-C", root, "ls-files", "-z"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            })!;
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode == 0)
            {
                return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git on this machine: fall through.
        }
        string[] skipped = ["bin", "obj", "artifacts", ".git", "node_modules"];
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(skipped.Contains))
            .ToList();
    }

    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")]
    private static partial Regex PrivateKey();

    /// <summary>An ADO.NET/Npgsql connection string (it names a host) with a password in it.</summary>
    [GeneratedRegex(@"(?i)\b(?:host|server|data source)\s*=[^;\n]*;[^\n]*?\b(?:password|pwd)\s*=\s*(?<value>\$\{[^}\n]*\}|[^;""'\s]+)")]
    private static partial Regex ConnectionStringPassword();

    /// <summary>The PostgreSQL image's and libpq's password settings (compose files, shell scripts).</summary>
    [GeneratedRegex(@"(?<!\{)\b(?:POSTGRES_PASSWORD|PGPASSWORD)\s*[:=]\s*[""']?(?<value>\$\{[^}\n]*\}|[^\s""']+)")]
    private static partial Regex PostgresPasswordSetting();

    [GeneratedRegex(@"^\$\{\w+(?::-(?<default>[^}]*)|:\?[^}]*)?\}$")]
    private static partial Regex Placeholder();

    /// <summary>Bridge keys and staff tokens as the app issues them: prefix, underscore, 43 characters of base64url.</summary>
    [GeneratedRegex(@"\b(?:fdb|fdt)_[A-Za-z0-9_-]{43}\b")]
    private static partial Regex AppSecret();

    /// <summary>AWS access keys, GitHub and Slack tokens, Stripe live keys.</summary>
    [GeneratedRegex(@"\b(?:AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,})\b")]
    private static partial Regex CloudToken();
}
