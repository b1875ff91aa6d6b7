using System.Security.Claims;
using Dashboard.Web.Auth.Resources;
using static Dashboard.UnitTests.Auth.Resources.Callers;

namespace Dashboard.UnitTests.Auth.Resources;

public sealed class DeviceAuthorizationHandlerTests
{
    private static readonly DeviceResource AlicesCamera = new("DEMO-CAM-0001", AliceAccount);
    private static readonly DeviceResource BobsCamera = new("DEMO-CAM-0003", BobAccount);
    private static readonly DeviceResource Unowned = new("DEMO-CAM-0004", null);

    public static TheoryData<string> Operations() => [.. DeviceOperations.All.Select(o => o.Name)];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Staff_MayDoEveryOperation_OnAnyDevice(string operation)
    {
        foreach (var staff in new[] { VendorAdmin(), VendorAdminToken(), Support(), SupportToken() })
        {
            foreach (var device in new[] { AlicesCamera, BobsCamera, Unowned })
            {
                (await AllowsAsync(staff, device, operation)).ShouldBeTrue($"{staff.Identity!.Name} on {device}");
            }
        }
    }

    [Fact]
    public async Task Customer_ReadsOwnDevice_AndNoOneElses()
    {
        (await AllowsAsync(Alice(), AlicesCamera, nameof(DeviceOperations.Read))).ShouldBeTrue();
        (await AllowsAsync(Alice(), BobsCamera, nameof(DeviceOperations.Read))).ShouldBeFalse();
        (await AllowsAsync(Alice(), Unowned, nameof(DeviceOperations.Read))).ShouldBeFalse();
        (await AllowsAsync(CustomerWithoutAccount(), Unowned, nameof(DeviceOperations.Read))).ShouldBeFalse();
    }

    [Theory]
    [InlineData(nameof(DeviceOperations.Claim))]
    [InlineData(nameof(DeviceOperations.Transfer))]
    [InlineData(nameof(DeviceOperations.Release))]
    public async Task Customer_ChangesOwnershipOfNoDevice_NotEvenTheirOwn(string operation)
    {
        (await AllowsAsync(Alice(), AlicesCamera, operation)).ShouldBeFalse();
        (await AllowsAsync(Alice(), BobsCamera, operation)).ShouldBeFalse();
        (await AllowsAsync(Alice(), Unowned, operation)).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task BridgeAndUnauthenticated_MayDoNothing(string operation)
    {
        (await AllowsAsync(Bridge(), AlicesCamera, operation)).ShouldBeFalse();
        (await AllowsAsync(Unauthenticated(), AlicesCamera, operation)).ShouldBeFalse();
    }

    [Fact]
    public async Task UnknownOperation_IsRefusedEvenToAnAdmin()
    {
        var delete = new DeviceOperationRequirement { Name = "Delete" };
        (await Callers.AllowsAsync(new DeviceAuthorizationHandler(), VendorAdmin(), AlicesCamera, delete)).ShouldBeFalse();
    }

    [Fact]
    public async Task AnotherResourcesOperation_IsNotThisHandlersToAllow()
    {
        (await Callers.AllowsAsync(new DeviceAuthorizationHandler(), VendorAdmin(), AlicesCamera, AccountOperations.Read)).ShouldBeFalse();
    }

    private static Task<bool> AllowsAsync(ClaimsPrincipal user, DeviceResource device, string operation) =>
        Callers.AllowsAsync(new DeviceAuthorizationHandler(), user, device, DeviceOperations.All.Single(o => o.Name == operation));
}
