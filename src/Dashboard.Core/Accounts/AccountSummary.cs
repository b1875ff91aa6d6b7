namespace Dashboard.Core.Accounts;

/// <summary>A row of the account search.</summary>
public sealed record AccountSummary(Guid Id, string Email, string DisplayName, AccountStatus Status, int DeviceCount);
