using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;

namespace Dashboard.IntegrationTests.Ownership;

/// <summary>The support issue's "done when", through the API, step by step on the demo fixture.</summary>
public sealed class SupportDoneWhenTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SearchBob_TransferDemoCam0003ToCarol_BobIsNotOwnerRightAfter_HistoryAndAuditRecordIt()
    {
        using var support = app.CreateClient(OwnershipApi.SupportToken);
        using var google = app.CreateClient("dev-bridge-google-assistant");
        var bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
        var carol = await DemoFixtureApp.AccountIdAsync(app, "carol");
        (await google.CheckAsync(bob, "DEMO-CAM-0003")).Reason.ShouldBe("allowed");

        // Searching bob@demo.test finds DEMO-CAM-0003.
        var found = await (await support.GetAsync("/api/v1/devices?query=bob%40demo.test")).JsonAsync();
        found.Items().Select(d => d["serial"].Text()).ShouldContain("DEMO-CAM-0003");

        // A transfer with an empty reason is a 400.
        var empty = await support.TransferAsync("DEMO-CAM-0003", new { toAccount = carol, reason = "" });
        (await empty.ValidationErrorsForAsync("reason")).ShouldNotBeEmpty();

        // A transfer to carol with a reason returns 200...
        const string reason = "Bob sold the camera to Carol (ticket 4711)";
        var transferred = await (await support.TransferAsync("DEMO-CAM-0003", new { toAccount = carol, reason })).JsonAsync();
        transferred["owner"]!["email"].Text().ShouldBe("carol@demo.test");

        // ...and bob's google-assistant check answers not_owner right after.
        var check = await google.CheckAsync(bob, "DEMO-CAM-0003");
        check.Decision.ShouldBe("deny");
        check.Reason.ShouldBe("not_owner");

        // The last history entry is transferred, with that reason.
        var last = (await support.HistoryAsync("DEMO-CAM-0003")).Last()!;
        last["kind"].Text().ShouldBe("transferred");
        last["reason"].Text().ShouldBe(reason);
        last["from"]!["email"].Text().ShouldBe("bob@demo.test");
        last["to"]!["email"].Text().ShouldBe("carol@demo.test");
        last["actor"].Text().ShouldBe(OwnershipApi.SupportEmail);

        // An unknown serial is 404.
        await (await support.GetAsync("/api/v1/devices/NOPE-0000")).ProblemAsync(404);
        await (await support.TransferAsync("NOPE-0000", new { toAccount = carol, reason })).ProblemAsync(404);

        // The audit chain verifies.
        var verification = await OwnershipApi.VerifyAuditAsync(app);
        verification.Ok.ShouldBeTrue(verification.FirstBadEntry?.ToString());
        (await OwnershipApi.AuditAsync(app, "device", "DEMO-CAM-0003")).Last().Action.ShouldBe("device.transferred");
    }
}
