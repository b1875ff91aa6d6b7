using System.Security.Claims;
using Dashboard.Web.Auth.Resources;
using static Dashboard.UnitTests.Auth.Resources.Callers;

namespace Dashboard.UnitTests.Auth.Resources;

public sealed class AccountAuthorizationHandlerTests
{
    private static readonly AccountResource AlicesAccount = new(AliceAccount);
    private static readonly AccountResource BobsAccount = new(BobAccount);

    public static TheoryData<string> Operations() => [.. AccountOperations.All.Select(o => o.Name)];

    public static TheoryData<string> SupportOperations() =>
        [.. AccountOperations.All.Where(o => o != AccountOperations.Erase).Select(o => o.Name)];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task VendorAdmins_MayDoEveryOperation_OnAnyAccount(string operation)
    {
        foreach (var admin in new[] { VendorAdmin(), VendorAdminToken() })
        {
            (await AllowsAsync(admin, BobsAccount, operation)).ShouldBeTrue(admin.Identity!.Name);
        }
    }

    [Theory]
    [MemberData(nameof(SupportOperations))]
    public async Task Support_MayDoEveryOperationButErase_OnAnyAccount(string operation)
    {
        foreach (var support in new[] { Support(), SupportToken() })
        {
            (await AllowsAsync(support, BobsAccount, operation)).ShouldBeTrue(support.Identity!.Name);
        }
    }

    [Fact]
    public async Task Support_MayNotErase()
    {
        (await AllowsAsync(Support(), BobsAccount, nameof(AccountOperations.Erase))).ShouldBeFalse();
        (await AllowsAsync(SupportToken(), BobsAccount, nameof(AccountOperations.Erase))).ShouldBeFalse();
    }

    [Theory]
    [InlineData(nameof(AccountOperations.Read), true)]
    [InlineData(nameof(AccountOperations.ReadLinks), true)]
    [InlineData(nameof(AccountOperations.Lock), false)]
    [InlineData(nameof(AccountOperations.RevokeLink), false)]
    [InlineData(nameof(AccountOperations.Erase), false)]
    public async Task Customer_OnOwnAccount_ReadsButDoesNotLockOrRevoke(string operation, bool allowed)
    {
        (await AllowsAsync(Alice(), AlicesAccount, operation)).ShouldBe(allowed);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Customer_OnAnotherCustomersAccount_MayDoNothing(string operation)
    {
        (await AllowsAsync(Alice(), BobsAccount, operation)).ShouldBeFalse();
        (await AllowsAsync(CustomerWithoutAccount(), BobsAccount, operation)).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task BridgeAndUnauthenticated_MayDoNothing(string operation)
    {
        (await AllowsAsync(Bridge(), AlicesAccount, operation)).ShouldBeFalse();
        (await AllowsAsync(Unauthenticated(), AlicesAccount, operation)).ShouldBeFalse();
    }

    private static Task<bool> AllowsAsync(ClaimsPrincipal user, AccountResource account, string operation) =>
        Callers.AllowsAsync(new AccountAuthorizationHandler(), user, account, AccountOperations.All.Single(o => o.Name == operation));
}
