using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Dashboard.Web.Auth.Resources;

/// <summary>An operation on a kill switch; only <see cref="KillSwitchAuthorizationHandler"/> judges it.</summary>
public sealed class KillSwitchOperationRequirement : OperationAuthorizationRequirement;

public static class KillSwitchOperations
{
    /// <summary>List switches and see one.</summary>
    public static readonly KillSwitchOperationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Count what a scope would cut off (writes nothing).</summary>
    public static readonly KillSwitchOperationRequirement Preview = new() { Name = nameof(Preview) };

    public static readonly KillSwitchOperationRequirement Fire = new() { Name = nameof(Fire) };

    public static readonly KillSwitchOperationRequirement RequestLift = new() { Name = nameof(RequestLift) };

    /// <summary>Approve a pending lift: never by the admin who requested it (two-person rule).</summary>
    public static readonly KillSwitchOperationRequirement ApproveLift = new() { Name = nameof(ApproveLift) };

    public static readonly IReadOnlyList<KillSwitchOperationRequirement> All = [Read, Preview, Fire, RequestLift, ApproveLift];
}
