using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Dashboard.Web.Auth.Resources;

/// <summary>An operation on one customer account; only <see cref="AccountAuthorizationHandler"/> judges it.</summary>
public sealed class AccountOperationRequirement : OperationAuthorizationRequirement;

public static class AccountOperations
{
    /// <summary>See the account: email, status, the cameras it owns.</summary>
    public static readonly AccountOperationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Lock or unlock the account.</summary>
    public static readonly AccountOperationRequirement Lock = new() { Name = nameof(Lock) };

    /// <summary>See the account's linked services and what each may reach.</summary>
    public static readonly AccountOperationRequirement ReadLinks = new() { Name = nameof(ReadLinks) };

    /// <summary>Revoke one of the account's links on the customer's behalf, with a reason.</summary>
    public static readonly AccountOperationRequirement RevokeLink = new() { Name = nameof(RevokeLink) };

    /// <summary>Erase the account's personal data (decision 0029): vendor admins only.</summary>
    public static readonly AccountOperationRequirement Erase = new() { Name = nameof(Erase) };

    public static readonly IReadOnlyList<AccountOperationRequirement> All = [Read, Lock, ReadLinks, RevokeLink, Erase];
}
