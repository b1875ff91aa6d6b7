using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.Api;

public sealed class AccountsApiTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private const string SupportToken = "dev-support-token";

    [Theory]
    [InlineData("alice")]
    [InlineData(" ALICE@Demo.Test ")]
    public async Task Search_ByEmailPrefix_FindsTheAccountWithItsDeviceCount(string query)
    {
        using var client = app.CreateClient(SupportToken);

        var page = await (await client.GetAsync($"/api/v1/accounts?query={Uri.EscapeDataString(query)}"))
            .JsonAsync();

        page.Keys().ShouldBe(["total", "items"]);
        var alice = page.Items().ShouldHaveSingleItem();
        alice.Keys().ShouldBe(["id", "email", "displayName", "status", "deviceCount"]);
        alice["email"].Text().ShouldBe("alice@demo.test");
        alice["status"].Text().ShouldBe("active");
        alice["deviceCount"]!.GetValue<int>().ShouldBe(2);
        Guid.Parse(alice["id"].Text()).ShouldBe(await AccountIdAsync("alice@demo.test"));
    }

    [Fact]
    public async Task Search_ByAccountId_FindsThatAccount()
    {
        using var client = app.CreateClient(SupportToken);
        var bobId = await AccountIdAsync("bob@demo.test");

        var page = await (await client.GetAsync($"/api/v1/accounts?query={bobId}")).JsonAsync();

        page.Items().ShouldHaveSingleItem()["email"].Text().ShouldBe("bob@demo.test");
    }

    [Fact]
    public async Task Search_WithoutQuery_ListsEveryAccountOrderedByEmail()
    {
        using var client = app.CreateClient("dev-admin-token");
        long count;
        await using (var db = app.CreateDbContext())
        {
            count = await db.Accounts.LongCountAsync();
        }

        var page = await (await client.GetAsync("/api/v1/accounts?pageSize=500")).JsonAsync();

        page["total"]!.GetValue<long>().ShouldBe(count);
        var emails = page.Items().Select(a => a["email"].Text()).ToList();
        emails.ShouldBe(emails.Order(StringComparer.Ordinal).ToList());
        emails.ShouldContain("carol@demo.test");
    }

    [Theory]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task Search_WithPagingOutOfRange_Returns400NamingTheField(string parameters, string field)
    {
        using var client = app.CreateClient(SupportToken);

        (await (await client.GetAsync($"/api/v1/accounts?{parameters}")).ValidationErrorsForAsync(field)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Search_WithoutToken_Returns401Problem()
    {
        using var client = app.CreateClient();

        await (await client.GetAsync("/api/v1/accounts")).ProblemAsync(401);
    }

    private async Task<Guid> AccountIdAsync(string email)
    {
        await using var db = app.CreateDbContext();
        return await db.Accounts.Where(a => a.Email == email).Select(a => a.Id).SingleAsync();
    }
}
