using System.Net;
using System.Net.Http.Headers;
using Dashboard.Core.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Auth;

public sealed class ApiTokenServiceTests(AuthAppFactory app) : IClassFixture<AuthAppFactory>
{
    private ApiTokenService Tokens => app.Services.GetRequiredService<ApiTokenService>();

    private async Task<HttpStatusCode> CallAsync(string secret)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return (await client.GetAsync(AuthProbeEndpoints.Staff)).StatusCode;
    }

    private async Task<List<string>> AuditActionsAsync(Guid tokenId)
    {
        await using var db = app.CreateDbContext();
        var id = tokenId.ToString();
        return await db.AuditEntries.Where(e => e.EntityType == "api_token" && (e.EntityId == id || e.Data!.Contains(id)))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    [Fact]
    public async Task Issue_StoresOnlyTheHashAndTheSecretWorksOnTheApi()
    {
        var admin = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);
        var support = await AuthTestData.CreateUserAsync(app, Roles.Support);

        var issued = await Tokens.IssueAsync(admin.Id, support.Id, "  support tool  ");

        issued.Secret.ShouldStartWith(ApiTokenService.SecretPrefix + "_");
        issued.Token.Name.ShouldBe("support tool");
        issued.Token.UserEmail.ShouldBe(support.Email);
        issued.Secret.ShouldStartWith(issued.Token.Prefix);
        await using (var db = app.CreateDbContext())
        {
            var row = await db.ApiTokens.SingleAsync(t => t.Id == issued.Token.Id);
            row.TokenHash.ShouldBe(SecretHash.Sha256(issued.Secret));
        }
        (await CallAsync(issued.Secret)).ShouldBe(HttpStatusCode.OK);
        (await AuditActionsAsync(issued.Token.Id)).ShouldBe(["api_token.issued"]);
    }

    [Fact]
    public async Task Issue_WhenUserIsACustomer_Refuses()
    {
        var admin = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);
        var customer = await AuthTestData.CreateUserAsync(app, Roles.Customer);

        await Should.ThrowAsync<ApiTokenException>(() => Tokens.IssueAsync(admin.Id, customer.Id, "nope"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Issue_WhenNameIsBlank_Refuses(string name)
    {
        var admin = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);

        await Should.ThrowAsync<ApiTokenException>(() => Tokens.IssueAsync(admin.Id, admin.Id, name));
    }

    [Fact]
    public async Task Rotate_RevokesTheOldTokenAndIssuesAWorkingNewOne()
    {
        var admin = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);
        var old = await Tokens.IssueAsync(admin.Id, admin.Id, "ci");

        var rotated = await Tokens.RotateAsync(admin.Id, old.Token.Id);

        rotated.Token.Id.ShouldNotBe(old.Token.Id);
        rotated.Token.Name.ShouldBe("ci");
        (await CallAsync(old.Secret)).ShouldBe(HttpStatusCode.Unauthorized);
        (await CallAsync(rotated.Secret)).ShouldBe(HttpStatusCode.OK);
        (await AuditActionsAsync(old.Token.Id)).ShouldBe(["api_token.issued", "api_token.rotated"]);
    }

    [Fact]
    public async Task Revoke_StopsTheTokenAndCannotBeRepeated()
    {
        var admin = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);
        var issued = await Tokens.IssueAsync(admin.Id, admin.Id, "script");

        await Tokens.RevokeAsync(admin.Id, issued.Token.Id);

        (await CallAsync(issued.Secret)).ShouldBe(HttpStatusCode.Unauthorized);
        await Should.ThrowAsync<ApiTokenException>(() => Tokens.RevokeAsync(admin.Id, issued.Token.Id));
        await Should.ThrowAsync<ApiTokenException>(() => Tokens.RotateAsync(admin.Id, issued.Token.Id));
        (await AuditActionsAsync(issued.Token.Id)).ShouldBe(["api_token.issued", "api_token.revoked"]);
    }

    [Fact]
    public async Task List_ShowsEveryTokenWithItsUserAndStatus()
    {
        var admin = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);
        var active = await Tokens.IssueAsync(admin.Id, admin.Id, "active one");
        var revoked = await Tokens.IssueAsync(admin.Id, admin.Id, "revoked one");
        await Tokens.RevokeAsync(admin.Id, revoked.Token.Id);

        var list = await Tokens.ListAsync();

        var shownActive = list.Single(t => t.Id == active.Token.Id);
        shownActive.IsActive.ShouldBeTrue();
        shownActive.UserEmail.ShouldBe(admin.Email);
        list.Single(t => t.Id == revoked.Token.Id).IsActive.ShouldBeFalse();
        list.Select(t => t.CreatedAt).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task ListStaffUsers_IncludesAdminsAndSupportButNotCustomers()
    {
        var admin = await AuthTestData.CreateUserAsync(app, Roles.VendorAdmin);
        var support = await AuthTestData.CreateUserAsync(app, Roles.Support);
        var customer = await AuthTestData.CreateUserAsync(app, Roles.Customer);

        var staff = await Tokens.ListStaffUsersAsync();

        staff.ShouldContain(u => u.Id == admin.Id && u.Role == Roles.VendorAdmin);
        staff.ShouldContain(u => u.Id == support.Id && u.Role == Roles.Support);
        staff.ShouldNotContain(u => u.Id == customer.Id);
    }
}
