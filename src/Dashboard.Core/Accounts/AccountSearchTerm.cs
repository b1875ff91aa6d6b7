namespace Dashboard.Core.Accounts;

/// <summary>
/// What an account search query means: an email prefix (canonical, lower case), and an exact id when the query
/// is a uuid. Null when the query is empty or blank: list everything.
/// </summary>
public sealed record AccountSearchTerm(string EmailPrefix, Guid? Id)
{
    public static AccountSearchTerm? Parse(string? query)
    {
        var trimmed = query?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        return new AccountSearchTerm(
            Account.CanonicalEmail(trimmed),
            Guid.TryParse(trimmed, out var id) ? id : null);
    }
}
