using System.Globalization;

namespace Dashboard.Core.Privacy;

/// <summary>The account being erased, what identifies its person, and what replaces it.</summary>
/// <param name="UserIds">The Identity users (logins) of the account.</param>
/// <param name="Contacts">Emails, user names and phone numbers: they point at this person wherever they appear.</param>
/// <param name="Names">Display names: common words in other people's text, so only searched in rows about this account.</param>
/// <param name="ErasedAt">The moment recorded on the account.</param>
public sealed record ErasureSubject(
    Guid AccountId, IReadOnlyList<string> UserIds, IReadOnlyList<string> Contacts, IReadOnlyList<string> Names, DateTime ErasedAt)
{
    /// <summary>What pages show in place of the name and email: "erased account" and the id's first eight digits.</summary>
    public string Pseudonym => PseudonymFor(AccountId);

    /// <summary>Unique (emails are unique) and unroutable (<c>.invalid</c> is reserved).</summary>
    public string PseudonymEmail => $"erased-{AccountId:N}@erased.invalid";

    /// <summary>Every identifier, contacts and names.</summary>
    public IReadOnlyList<string> Identifiers => PersonalText.Usable(Contacts.Concat(Names));

    /// <summary>A PostgreSQL regular expression (use with <c>~*</c>) for <see cref="Contacts"/>: search it anywhere.</summary>
    public string ContactPattern => PersonalText.PostgresPattern(Contacts);

    /// <summary>A PostgreSQL regular expression for every identifier: search it in rows about this account.</summary>
    public string IdentifierPattern => PersonalText.PostgresPattern(Identifiers);

    /// <summary>The account id as text, to find rows whose text or JSON names it.</summary>
    public string AccountIdText => AccountId.ToString("D", CultureInfo.InvariantCulture);

    public static string PseudonymFor(Guid accountId) =>
        "erased account " + accountId.ToString("N", CultureInfo.InvariantCulture)[..8];
}
