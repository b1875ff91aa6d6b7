using Dashboard.Core.Auth;
using Dashboard.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Auth;

public static class AuthSetup
{
    public static WebApplicationBuilder AddDashboardAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<DashboardUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DashboardDbContext>();
        return builder;
    }

    public static WebApplication UseDashboardAuth(this WebApplication app)
    {
        return app;
    }
}
