namespace Dashboard.Core.Accounts;

/// <summary>A customer account of the vendor. Customer logins are Identity users linked 1:1 to one of these.</summary>
public sealed class Account
{
    public Guid Id { get; set; }

    /// <summary>Canonical (trimmed, lower case) so uniqueness and prefix search are case-insensitive.</summary>
    public required string Email { get; set; }

    public required string DisplayName { get; set; }
    public required string Region { get; set; }
    public AccountStatus Status { get; set; } = AccountStatus.Active;
    public DateTime CreatedAt { get; set; }

    /// <summary>When the account's personal data was erased (it then carries a pseudonym); null otherwise.</summary>
    public DateTime? ErasedAt { get; set; }

    public static string CanonicalEmail(string email) => email.Trim().ToLowerInvariant();
}

public enum AccountStatus
{
    Active,
    Locked,
}
