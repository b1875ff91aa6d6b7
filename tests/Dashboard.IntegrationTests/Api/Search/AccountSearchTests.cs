using Dashboard.Core.Accounts;
using Dashboard.Core.Data;

namespace Dashboard.IntegrationTests.Api.Search;

public sealed class AccountSearchTests(SearchFleetFixture fleet) : IClassFixture<SearchFleetFixture>
{
    private static readonly PageRequest Everything = new(1, PageRequest.MaxPageSize);

    [Theory]
    [InlineData("owner.")]
    [InlineData("  OWNER. ")]
    public async Task SearchAsync_WhenQueryIsAnEmailPrefix_MatchesCaseInsensitivelyOrderedByEmail(string query)
    {
        var result = await fleet.Accounts.SearchAsync(query, Everything);

        Emails(result).ShouldBe(["owner.one@example.test", "owner.two@example.test"]);
        result.Total.ShouldBe(2);
    }

    [Fact]
    public async Task SearchAsync_CountsEachAccountsDevices()
    {
        var result = await fleet.Accounts.SearchAsync("owner.", Everything);

        result.Items.Select(a => a.DeviceCount).ShouldBe([2, 1]);
        result.Items[0].ShouldBe(new AccountSummary(
            SearchFleetFixture.OwnerOneId, "owner.one@example.test", "owner.one", AccountStatus.Active, 2));
    }

    [Fact]
    public async Task SearchAsync_WhenQueryIsAnAccountId_ReturnsThatAccount()
    {
        var result = await fleet.Accounts.SearchAsync(SearchFleetFixture.OwnerTwoId.ToString().ToUpperInvariant(), Everything);

        result.Items.ShouldHaveSingleItem().Id.ShouldBe(SearchFleetFixture.OwnerTwoId);
    }

    [Fact]
    public async Task SearchAsync_WhenQueryHasAnUnderscore_MatchesItLiterally()
    {
        var result = await fleet.Accounts.SearchAsync("under_", Everything);

        Emails(result).ShouldBe(["under_score@example.test"]);
    }

    [Fact]
    public async Task SearchAsync_WhenNothingMatches_ReturnsZeroAndNoItems()
    {
        var result = await fleet.Accounts.SearchAsync("zz-no-such-", Everything);

        result.Total.ShouldBe(0);
        result.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task SearchAsync_WithoutQuery_ListsEveryAccountOrderedByEmail()
    {
        var result = await fleet.Accounts.SearchAsync(null, Everything);

        result.Total.ShouldBe(fleet.AccountCount);
        var emails = Emails(result);
        emails.Count.ShouldBe((int)Math.Min(fleet.AccountCount, PageRequest.MaxPageSize));
        emails.ShouldBe(emails.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task SearchAsync_WithAnEmailPrefix_UsesTheEmailIndex()
    {
        var before = fleet.Commands.All.Count;
        await fleet.Accounts.SearchAsync("owner.two", PageRequest.First());

        foreach (var command in fleet.Commands.All.Skip(before))
        {
            var plan = await command.ExplainAsync(fleet.ConnectionString);
            plan.IndexesUsed.ShouldContain("ix_accounts_email", plan.Json);
            plan.SequentialScans.ShouldBeEmpty(plan.Json);
        }
    }

    private static List<string> Emails(Paged<AccountSummary> page) => page.Items.Select(a => a.Email).ToList();
}
