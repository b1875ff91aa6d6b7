namespace Dashboard.IntegrationTests.Hardening;

/// <summary>Who an endpoint or page is meant for; the matrix derives every expected status from it.</summary>
internal enum AccessPolicy
{
    /// <summary>Anyone, signed in or not.</summary>
    Public,

    /// <summary>Any signed-in user, whatever the role.</summary>
    SignedIn,

    /// <summary>Any signed-in user, who is sent on to the home page of their role.</summary>
    RoleHome,

    /// <summary>Customers only (their own cameras and links).</summary>
    Customer,

    /// <summary>Support and vendor admins.</summary>
    Staff,

    /// <summary>Vendor admins only.</summary>
    VendorAdmin,

    /// <summary>Integration bridges, by their bridge key.</summary>
    Bridge,
}

/// <summary>A caller of the matrix: how it authenticates and which policies it satisfies.</summary>
internal sealed record Caller(string Name, string? BearerToken, string? Email, params AccessPolicy[] Satisfies)
{
    /// <summary>Where a signed-in user lands from "/".</summary>
    public string? Home { get; init; }

    public bool IsAnonymous => BearerToken is null && Email is null;

    public bool IsAllowed(AccessPolicy policy) => policy == AccessPolicy.Public || Satisfies.Contains(policy);

    public override string ToString() => Name;
}
