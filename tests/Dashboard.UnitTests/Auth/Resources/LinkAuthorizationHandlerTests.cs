using System.Security.Claims;
using Dashboard.Web.Auth.Resources;
using static Dashboard.UnitTests.Auth.Resources.Callers;

namespace Dashboard.UnitTests.Auth.Resources;

public sealed class LinkAuthorizationHandlerTests
{
    private static readonly LinkResource AlicesLink = new(Guid.NewGuid(), AliceAccount, "alexa");
    private static readonly LinkResource BobsLink = new(Guid.NewGuid(), BobAccount, "google-assistant");

    public static TheoryData<string> Operations() => [.. LinkOperations.All.Select(o => o.Name)];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Customer_MayDoEveryOperation_OnOwnLink_AndNoneOnAnothers(string operation)
    {
        (await AllowsAsync(Alice(), AlicesLink, operation)).ShouldBeTrue();
        (await AllowsAsync(Alice(), BobsLink, operation)).ShouldBeFalse();
        (await AllowsAsync(CustomerWithoutAccount(), BobsLink, operation)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(nameof(LinkOperations.Read), true)]
    [InlineData(nameof(LinkOperations.Unlink), true)]
    [InlineData(nameof(LinkOperations.ChangeExposure), false)]
    public async Task Staff_SeeAndUnlinkForTheCustomer_ButNeverChooseTheirExposures(string operation, bool allowed)
    {
        foreach (var staff in new[] { VendorAdmin(), VendorAdminToken(), Support(), SupportToken() })
        {
            (await AllowsAsync(staff, BobsLink, operation)).ShouldBe(allowed, staff.Identity!.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task BridgeAndUnauthenticated_MayDoNothing(string operation)
    {
        (await AllowsAsync(Bridge(), AlicesLink, operation)).ShouldBeFalse();
        (await AllowsAsync(Unauthenticated(), AlicesLink, operation)).ShouldBeFalse();
    }

    private static Task<bool> AllowsAsync(ClaimsPrincipal user, LinkResource link, string operation) =>
        Callers.AllowsAsync(new LinkAuthorizationHandler(), user, link, LinkOperations.All.Single(o => o.Name == operation));
}
