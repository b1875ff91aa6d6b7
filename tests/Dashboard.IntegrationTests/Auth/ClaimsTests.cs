using Dashboard.Core.Auth;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Auth;

public sealed class ClaimsTests(AuthAppFactory app) : IClassFixture<AuthAppFactory>
{
    private async Task<System.Security.Claims.ClaimsPrincipal> SignInPrincipalAsync(DashboardUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<DashboardUser>>();
        return await factory.CreateAsync(user);
    }

    [Fact]
    public async Task SignInPrincipal_WhenCustomer_CarriesTheAccountIdAndRole()
    {
        var customer = await AuthTestData.CreateUserAsync(app, Roles.Customer);

        var principal = await SignInPrincipalAsync(customer);

        principal.AccountId().ShouldBe(customer.AccountId);
        principal.IsInRole(Roles.Customer).ShouldBeTrue();
        principal.UserId().ShouldBe(customer.Id);
    }

    [Fact]
    public async Task SignInPrincipal_WhenStaff_HasNoAccountId()
    {
        var support = await AuthTestData.CreateUserAsync(app, Roles.Support);

        var principal = await SignInPrincipalAsync(support);

        principal.AccountId().ShouldBeNull();
        principal.IsInRole(Roles.Support).ShouldBeTrue();
    }
}
