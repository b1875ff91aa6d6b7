using System.Text;

namespace Dashboard.IntegrationTests.Exports;

/// <summary>A small RFC 4180 reader, so tests check what a spreadsheet would read rather than the raw text.</summary>
internal static class CsvReader
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                field.Length.ShouldBe(0, "a quote may only open a field");
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add(fields.ToArray());
                fields.Clear();
                i++;
            }
            else
            {
                (c is '\r' or '\n').ShouldBeFalse("a bare line break outside quotes");
                field.Append(c);
            }
        }
        quoted.ShouldBeFalse("the last quoted field is not closed");
        (field.Length + fields.Count).ShouldBe(0, "the last record must end with CRLF");
        return records;
    }
}
