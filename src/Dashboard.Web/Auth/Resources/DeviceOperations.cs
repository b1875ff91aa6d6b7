using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Dashboard.Web.Auth.Resources;

/// <summary>An operation on one device; only <see cref="DeviceAuthorizationHandler"/> judges it.</summary>
public sealed class DeviceOperationRequirement : OperationAuthorizationRequirement;

public static class DeviceOperations
{
    /// <summary>See the device: identity, owner, effective access, ownership history.</summary>
    public static readonly DeviceOperationRequirement Read = new() { Name = nameof(Read) };

    public static readonly DeviceOperationRequirement Claim = new() { Name = nameof(Claim) };

    public static readonly DeviceOperationRequirement Transfer = new() { Name = nameof(Transfer) };

    public static readonly DeviceOperationRequirement Release = new() { Name = nameof(Release) };

    public static readonly IReadOnlyList<DeviceOperationRequirement> All = [Read, Claim, Transfer, Release];
}
