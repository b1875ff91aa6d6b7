using System.Text.RegularExpressions;

namespace Dashboard.LocalPostgres;

/// <summary>
/// Clusters created by earlier versions let any local process in as superuser without a password (initdb
/// <c>-A trust</c>). They are moved to a password on their next start rather than refused: the data stays, and the
/// operator has nothing to do (docs/decisions/0026). Each step can be repeated, so a start cut short midway
/// finishes on the next one: the password file is written first, the role's password set while trust still lets us
/// in, and only then does <c>pg_hba.conf</c> stop trusting.
/// </summary>
internal static partial class TrustMigration
{
    public const string Method = "scram-sha-256";

    public static bool IsTrusting(DataFolder folder) =>
        File.Exists(folder.HbaFile) && TrustLine().IsMatch(File.ReadAllText(folder.HbaFile));

    /// <summary>Every <c>trust</c> method becomes <c>scram-sha-256</c>; comments and other lines are kept as they are.</summary>
    public static string RequirePasswords(string hba) => TrustLine().Replace(hba, "${head}" + Method);

    /// <summary>
    /// Rewritten in place, not replaced: as root the file belongs to <c>postgres</c>, which must still read it, and
    /// an overwrite keeps its owner and mode.
    /// </summary>
    public static void RewriteHba(DataFolder folder) =>
        File.WriteAllText(folder.HbaFile, RequirePasswords(File.ReadAllText(folder.HbaFile)));

    // A record (local or host*) whose method field is "trust"; trust takes no options, so it ends the record.
    [GeneratedRegex(@"^(?<head>[ \t]*(?:local|host|hostssl|hostnossl|hostgssenc|hostnogssenc)[ \t][^#\n]*?[ \t])trust(?=[ \t]*(?:#|\r?$))",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TrustLine();
}
