using Dashboard.Core.Access.Telemetry;
using Dashboard.Core.Data;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Links;

/// <summary>
/// The customer's activity list (demo fixture, real decision API, telemetry written every 100 ms): alice's checks
/// show in her list, with service, camera, action and outcome, and never in bob's, neither through the query nor the
/// page.
/// </summary>
public sealed class CustomerActivityTests(TelemetryAppFactory app) : IClassFixture<TelemetryAppFactory>, IAsyncLifetime
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(15);

    private CustomerActivity Activity => app.Services.GetRequiredService<CustomerActivity>();

    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AlicesChecks_ShowInHerActivity_NewestFirst_AndNeverInBobs()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        var bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
        using var google = app.CreateClient("dev-bridge-google-assistant");
        var before = await CountAsync(alice, "DEMO-CAM-0001", "allowed");

        for (var i = 0; i < 3; i++)
        {
            (await google.CheckAsync(alice, "DEMO-CAM-0001")).Reason.ShouldBe("allowed");
        }
        (await google.CheckAsync(alice, "DEMO-CAM-0002")).Reason.ShouldBe("not_exposed");
        (await google.CheckAsync(alice, "DEMO-CAM-0003")).Reason.ShouldBe("not_owner");
        (await google.CheckAsync(bob, "DEMO-CAM-0003")).Reason.ShouldBe("allowed");

        await Eventually.HoldsAsync(
            async () => await CountAsync(alice, "DEMO-CAM-0001", "allowed") >= before + 3
                && await CountAsync(alice, "DEMO-CAM-0002", "not_exposed") >= 1
                && await CountAsync(bob, "DEMO-CAM-0003", "allowed") >= 1,
            Bounded, "the checks never reached the activity lists");

        var hers = await AllAsync(alice);
        var allowed = hers.First(r => r.Serial == "DEMO-CAM-0001" && r.Reason == "allowed");
        allowed.Service.ShouldBe("Google Assistant");
        allowed.Action.ShouldBe("stream");
        allowed.Allowed.ShouldBeTrue();
        allowed.Minute.ShouldBeInRange(DateTime.UtcNow.AddMinutes(-2), DateTime.UtcNow);
        var denied = hers.First(r => r.Serial == "DEMO-CAM-0002");
        denied.Allowed.ShouldBeFalse();
        denied.Reason.ShouldBe("not_exposed");
        hers.Select(r => r.Minute).ShouldBeInOrder(SortDirection.Descending);
        // A camera that is not hers is no activity of hers (and would tell her it exists).
        hers.ShouldNotContain(r => r.Serial == "DEMO-CAM-0003");

        var bobs = await AllAsync(bob);
        bobs.ShouldContain(r => r.Serial == "DEMO-CAM-0003");
        bobs.ShouldNotContain(r => r.Serial == "DEMO-CAM-0001" || r.Serial == "DEMO-CAM-0002");
    }

    [Fact]
    public async Task LinkedServicesPage_ShowsOnlyTheSignedInCustomersActivity()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        var bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
        using var google = app.CreateClient("dev-bridge-google-assistant");
        (await google.CheckAsync(alice, "DEMO-CAM-0002")).Reason.ShouldBe("not_exposed");
        (await google.CheckAsync(bob, "DEMO-CAM-0003")).Reason.ShouldBe("allowed");
        await Eventually.HoldsAsync(
            async () => await CountAsync(alice, "DEMO-CAM-0002", "not_exposed") >= 1
                && await CountAsync(bob, "DEMO-CAM-0003", "allowed") >= 1,
            Bounded, "the checks never reached the activity lists");

        using var aliceSession = await CustomerSession.SignInAsync(app, "alice");
        var aliceHtml = await aliceSession.PageAsync($"/linked-services?account={bob}");
        using var bobSession = await CustomerSession.SignInAsync(app, "bob");
        var bobHtml = await bobSession.PageAsync($"/linked-services?account={alice}");

        aliceHtml.ShouldContain("activity-grid");
        aliceHtml.ShouldContain("The camera is not shared with this service.");
        aliceHtml.ShouldNotContain("DEMO-CAM-0003");
        bobHtml.ShouldContain("activity-grid");
        bobHtml.ShouldContain("DEMO-CAM-0003");
        bobHtml.ShouldNotContain("DEMO-CAM-0001");
        bobHtml.ShouldNotContain("DEMO-CAM-0002");
    }

    [Fact]
    public async Task Query_RefusesAPageOutsideTheLimits()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Activity.ForAccountAsync(alice, new PageRequest(0, 10)));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Activity.ForAccountAsync(alice, new PageRequest(1, 501)));
    }

    private async Task<long> CountAsync(Guid account, string serial, string reason) =>
        (await AllAsync(account)).Where(r => r.Serial == serial && r.Reason == reason).Sum(r => r.Count);

    private async Task<IReadOnlyList<CameraActivity>> AllAsync(Guid account)
    {
        var page = await Activity.ForAccountAsync(account, new PageRequest(1, PageRequest.MaxPageSize));
        page.Total.ShouldBeLessThanOrEqualTo(PageRequest.MaxPageSize);
        return page.Items;
    }
}
