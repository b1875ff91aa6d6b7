using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Core.Privacy;

/// <summary>
/// Finds a person's identifiers in free text (reasons typed by staff), in PostgreSQL and in .NET alike: case-insensitive,
/// and on word boundaries so "Al" does not match inside "Alpha".
/// </summary>
public static class PersonalText
{
    /// <summary>Shorter identifiers would match too much ordinary text to be worth replacing.</summary>
    public const int MinimumLength = 3;

    /// <summary>Identifiers worth searching for: trimmed, long enough, distinct (ignoring case).</summary>
    public static IReadOnlyList<string> Usable(IEnumerable<string?> identifiers) =>
        identifiers.Select(i => i?.Trim())
            .OfType<string>()
            .Where(i => i.Length >= MinimumLength)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(i => i.Length)
            .ToList();

    /// <summary>An ARE for <c>~*</c> and <c>regexp_replace(..., 'gi')</c>; matches nothing when there is no identifier.</summary>
    public static string PostgresPattern(IReadOnlyList<string> identifiers)
    {
        if (identifiers.Count == 0)
        {
            return "(?!)";
        }
        return string.Join("|", identifiers.Select(i =>
        {
            var sb = new StringBuilder("(");
            if (IsWordChar(i[0]))
            {
                sb.Append(@"\m");
            }
            // In an ARE a backslash before a non-alphanumeric character makes it literal.
            foreach (var c in i)
            {
                sb.Append(char.IsLetterOrDigit(c) ? c.ToString() : "\\" + c);
            }
            if (IsWordChar(i[^1]))
            {
                sb.Append(@"\M");
            }
            return sb.Append(')').ToString();
        }));
    }

    /// <summary>Replaces every identifier in <paramref name="text"/> with <paramref name="replacement"/>, as the database does.</summary>
    public static string Replace(string text, IReadOnlyList<string> identifiers, string replacement)
    {
        if (identifiers.Count == 0)
        {
            return text;
        }
        var pattern = string.Join("|", identifiers.Select(i =>
            (IsWordChar(i[0]) ? @"(?<![\p{L}\p{N}_])" : "") + Regex.Escape(i) + (IsWordChar(i[^1]) ? @"(?![\p{L}\p{N}_])" : "")));
        return Regex.Replace(text, pattern, replacement.Replace("$", "$$", StringComparison.Ordinal),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
