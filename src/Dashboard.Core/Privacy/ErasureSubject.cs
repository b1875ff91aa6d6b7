using System.Globalization;

namespace Dashboard.Core.Privacy;

/// <summary>The account being erased, what identifies its person, and what replaces it.</summary>
/// <param name="UserIds">The Identity users (logins) of the account.</param>
/// <param name="Identifiers">Emails, user names, display names and phone numbers found on the account and its users.</param>
/// <param name="ErasedAt">The moment recorded on the account.</param>
public sealed record ErasureSubject(
    Guid AccountId, IReadOnlyList<string> UserIds, IReadOnlyList<string> Identifiers, DateTime ErasedAt)
{
    /// <summary>What pages show in place of the name and email: "erased account" and the id's first eight digits.</summary>
    public string Pseudonym => PseudonymFor(AccountId);

    /// <summary>Unique (emails are unique) and unroutable (<c>.invalid</c> is reserved).</summary>
    public string PseudonymEmail => $"erased-{AccountId:N}@erased.invalid";

    /// <summary>A PostgreSQL regular expression (use with <c>~*</c>) matching any of <see cref="Identifiers"/>.</summary>
    public string Pattern => PersonalText.PostgresPattern(Identifiers);

    public static string PseudonymFor(Guid accountId) =>
        "erased account " + accountId.ToString("N", CultureInfo.InvariantCulture)[..8];
}
