namespace Dashboard.Web.Auth;

/// <summary>Authorization policy names used on every page and endpoint.</summary>
public static class Policies
{
    /// <summary>Kill switches, integration catalog, staff tokens.</summary>
    public const string VendorAdmin = "VendorAdmin";

    /// <summary>VendorAdmin or Support: look-ups and ownership operations.</summary>
    public const string Staff = "Staff";

    /// <summary>A signed-in customer with an account.</summary>
    public const string Customer = "Customer";

    /// <summary>An integration bridge authenticated by its bridge key.</summary>
    public const string Bridge = "Bridge";
}
