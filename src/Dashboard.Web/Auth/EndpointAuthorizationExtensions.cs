namespace Dashboard.Web.Auth;

/// <summary>
/// Shorthands for endpoint groups, e.g. <c>app.MapGroup("/api/v1/devices").RequireStaff()</c>. They are the
/// same as <c>.RequireAuthorization(Policies.X)</c>; every policy works for cookies and bearer credentials alike
/// because the default scheme picks the right one per request.
/// </summary>
public static class EndpointAuthorizationExtensions
{
    public static TBuilder RequireVendorAdmin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policies.VendorAdmin);

    public static TBuilder RequireStaff<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policies.Staff);

    public static TBuilder RequireCustomer<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policies.Customer);

    public static TBuilder RequireBridge<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policies.Bridge);
}
