namespace Dashboard.Core.Data;

/// <summary>
/// LIKE patterns built from user input. The input is matched literally: <c>%</c>, <c>_</c> and the escape
/// character itself are escaped, so "50%" finds serials starting with "50%" rather than everything starting "50".
/// </summary>
public static class LikePattern
{
    /// <summary>The escape character to pass to <c>EF.Functions.Like(column, pattern, Escape)</c>.</summary>
    public const string Escape = "\\";

    /// <summary>A pattern matching every value that starts with <paramref name="prefix"/>.</summary>
    public static string StartsWith(string prefix) =>
        prefix.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
}
