using System.Globalization;
using System.Text;

namespace Dashboard.Web.Exports;

/// <summary>
/// RFC 4180 CSV fields. A field holding a comma, a quote or a line break is quoted with its quotes doubled. A
/// field starting with <c>= + - @</c>, a tab or a carriage return is prefixed with an apostrophe so a spreadsheet
/// shows it as text instead of running it as a formula (free text such as a reason is typed by people).
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    public static string Field(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Field(DateTime utc) =>
        utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>One record: the fields joined by commas, ended by CRLF as RFC 4180 says.</summary>
    public static string Line(params string[] fields)
    {
        var line = new StringBuilder();
        line.AppendJoin(',', fields);
        return line.Append("\r\n").ToString();
    }
}
