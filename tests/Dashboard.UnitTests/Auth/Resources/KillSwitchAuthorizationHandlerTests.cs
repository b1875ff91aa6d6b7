using System.Security.Claims;
using Dashboard.Core.KillSwitches;
using Dashboard.Web.Auth.Resources;
using Microsoft.AspNetCore.Authorization;
using static Dashboard.UnitTests.Auth.Resources.Callers;

namespace Dashboard.UnitTests.Auth.Resources;

public sealed class KillSwitchAuthorizationHandlerTests
{
    private static readonly KillSwitchResource Active = new(Guid.NewGuid(), KillSwitchStatus.Active, null);
    private static readonly KillSwitchResource PendingByAdmin = new(Guid.NewGuid(), KillSwitchStatus.PendingApproval, AdminId);
    private static readonly KillSwitchResource LiftedByAdmin = new(Guid.NewGuid(), KillSwitchStatus.Lifted, AdminId);

    public static TheoryData<string> Operations() => [.. KillSwitchOperations.All.Select(o => o.Name)];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task VendorAdmin_MayDoEveryOperation(string operation)
    {
        foreach (var resource in new[] { KillSwitchResource.Any, Active, PendingByAdmin, LiftedByAdmin })
        {
            (await AllowsAsync(VendorAdmin(Admin2Id), resource, operation)).ShouldBeTrue(resource.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Support_Customers_Bridges_MayDoNothing(string operation)
    {
        foreach (var caller in new[] { Support(), SupportToken(), Alice(), Bridge(), Unauthenticated() })
        {
            (await AllowsAsync(caller, Active, operation)).ShouldBeFalse(caller.Identity?.Name);
            (await AllowsAsync(caller, KillSwitchResource.Any, operation)).ShouldBeFalse(caller.Identity?.Name);
        }
    }

    [Fact]
    public async Task Requester_MayNotApproveTheirOwnPendingLift_WithCookieOrToken_AndIsToldWhy()
    {
        foreach (var requester in new[] { VendorAdmin(AdminId), VendorAdminToken(AdminId) })
        {
            var context = new AuthorizationHandlerContext([KillSwitchOperations.ApproveLift], requester, PendingByAdmin);
            await new KillSwitchAuthorizationHandler().HandleAsync(context);

            context.HasSucceeded.ShouldBeFalse();
            context.FailureReasons.Select(r => r.Message).ShouldBe([KillSwitchAuthorizationHandler.TwoPersonRule]);
        }
        (await AllowsAsync(VendorAdminToken(Admin2Id), PendingByAdmin, nameof(KillSwitchOperations.ApproveLift))).ShouldBeTrue();
    }

    [Theory]
    [InlineData(nameof(KillSwitchOperations.Read))]
    [InlineData(nameof(KillSwitchOperations.RequestLift))]
    public async Task Requester_StillReadsAndAsksAboutTheSwitch(string operation)
    {
        (await AllowsAsync(VendorAdmin(AdminId), PendingByAdmin, operation)).ShouldBeTrue();
    }

    [Fact]
    public async Task Requester_ApprovingALiftNoLongerPending_IsLeftToTheStateCheck()
    {
        // Not a question of who asks any more: the service answers 409 (nothing pending), as before.
        (await AllowsAsync(VendorAdmin(AdminId), LiftedByAdmin, nameof(KillSwitchOperations.ApproveLift))).ShouldBeTrue();
    }

    private static Task<bool> AllowsAsync(ClaimsPrincipal user, KillSwitchResource resource, string operation) =>
        Callers.AllowsAsync(new KillSwitchAuthorizationHandler(), user, resource, KillSwitchOperations.All.Single(o => o.Name == operation));
}
