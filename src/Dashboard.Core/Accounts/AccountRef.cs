namespace Dashboard.Core.Accounts;

/// <summary>An account as other objects refer to it: <c>{"id","email"}</c>.</summary>
public sealed record AccountRef(Guid Id, string Email);
