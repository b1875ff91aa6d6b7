using Microsoft.AspNetCore.Identity;

namespace Dashboard.Core.Auth;

/// <summary>A person who signs in. Customers carry the id of their <see cref="Accounts.Account"/>.</summary>
public sealed class DashboardUser : IdentityUser
{
    public Guid? AccountId { get; set; }
    public string? DisplayName { get; set; }
}

public static class Roles
{
    public const string VendorAdmin = "VendorAdmin";
    public const string Support = "Support";
    public const string Customer = "Customer";

    public static readonly IReadOnlyList<string> All = [VendorAdmin, Support, Customer];
}
