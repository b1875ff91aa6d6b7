using Dashboard.Core.Data;

namespace Dashboard.Web.Components.Shared;

/// <summary>A sort a server grid asks for: a column key (lower case, as in the address) and its direction.</summary>
public sealed record ServerGridSort(string Key, bool Descending)
{
    /// <summary>As the address carries it: <c>model</c>, or <c>-model</c> for descending.</summary>
    public override string ToString() => (Descending ? "-" : "") + Key;

    /// <summary>The address's <c>sort</c> text read back; null when there is none (the list's own order).</summary>
    public static ServerGridSort? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim();
        var descending = trimmed.StartsWith('-');
        return new ServerGridSort((descending ? trimmed[1..] : trimmed).ToLowerInvariant(), descending);
    }
}

/// <summary>What a server grid asks its page for: one page of rows in one order (null: the list's own order).</summary>
public sealed record ServerGridQuery(PageRequest Page, ServerGridSort? Sort);

/// <summary>How many rows match, as the Core query counted them: <see cref="IsLowerBound"/> when it stopped counting.</summary>
public sealed record ServerGridTotal(long Count, bool IsLowerBound);
