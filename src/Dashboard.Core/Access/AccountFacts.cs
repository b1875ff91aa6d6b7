using Dashboard.Core.Accounts;

namespace Dashboard.Core.Access;

/// <summary>What a decision needs to know about the account a bridge asks for.</summary>
public sealed record AccountFacts(Guid Id, AccountStatus Status)
{
    public static AccountFacts From(Account account) => new(account.Id, account.Status);
}
