using Dashboard.Web.Auth.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.UnitTests.Auth.Resources.Callers;

namespace Dashboard.UnitTests.Auth.Resources;

/// <summary>How a refusal reaches the API: 404 when the caller may not even see the resource, else 403.</summary>
public sealed class ResourceGuardTests
{
    // The facts reader is never reached by these calls: accounts and "any switch" are judged without a read.
    private static ResourceGuard Guard() => new(
        new ServiceCollection().AddLogging().AddAuthorizationCore().AddResourceAuthorization()
            .BuildServiceProvider().GetRequiredService<IAuthorizationService>(),
        new ResourceFacts(null!));

    [Fact]
    public async Task Allowed_GoesOn()
    {
        (await Guard().AccountAsync(Support(), BobAccount, AccountOperations.Lock)).ShouldBeNull();
        (await Guard().DeviceAsync(Alice(), new DeviceResource("DEMO-CAM-0001", AliceAccount), DeviceOperations.Read)).ShouldBeNull();
    }

    [Fact]
    public async Task CustomerNamingAnotherCustomersAccount_Gets404_WordedAsAMissingOne()
    {
        var refused = await Guard().AccountAsync(Alice(), BobAccount, AccountOperations.Lock);

        refused.ShouldNotBeNull();
        refused.StatusCode.ShouldBe(StatusCodes.Status404NotFound);
        refused.ProblemDetails.Detail.ShouldBe($"No account has the id '{BobAccount}'.");
    }

    [Fact]
    public async Task CustomerNamingAnotherCustomersDevice_Gets404_WordedAsAMissingOne()
    {
        var refused = await Guard().DeviceAsync(Alice(), new DeviceResource("DEMO-CAM-0003", BobAccount), DeviceOperations.Transfer);

        refused.ShouldNotBeNull();
        refused.StatusCode.ShouldBe(StatusCodes.Status404NotFound);
        refused.ProblemDetails.Detail.ShouldBe("No device has the serial 'DEMO-CAM-0003'.");
    }

    [Fact]
    public async Task CustomerOnOwnAccount_OperationNotTheirs_Gets403()
    {
        var refused = await Guard().AccountAsync(Alice(), AliceAccount, AccountOperations.Lock);

        refused.ShouldNotBeNull();
        refused.StatusCode.ShouldBe(StatusCodes.Status403Forbidden);
    }

    [Fact]
    public async Task SupportFiringAKillSwitch_Gets404_AsIfThereWereNone()
    {
        (await Guard().KillSwitchesAsync(Support(), KillSwitchOperations.Fire))!.StatusCode.ShouldBe(StatusCodes.Status404NotFound);
        (await Guard().KillSwitchesAsync(VendorAdmin(), KillSwitchOperations.Fire)).ShouldBeNull();
    }
}
