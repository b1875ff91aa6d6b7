using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Dashboard.Web.Auth.Resources;

/// <summary>An operation on one account link; only <see cref="LinkAuthorizationHandler"/> judges it.</summary>
public sealed class LinkOperationRequirement : OperationAuthorizationRequirement;

public static class LinkOperations
{
    public static readonly LinkOperationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Show or hide one of the account's cameras to the link: the customer's own choice.</summary>
    public static readonly LinkOperationRequirement ChangeExposure = new() { Name = nameof(ChangeExposure) };

    /// <summary>End the link: the customer, or staff on the customer's behalf.</summary>
    public static readonly LinkOperationRequirement Unlink = new() { Name = nameof(Unlink) };

    public static readonly IReadOnlyList<LinkOperationRequirement> All = [Read, ChangeExposure, Unlink];
}
