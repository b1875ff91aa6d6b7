using Dashboard.Core.Integrations;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Links;

/// <summary>
/// Two customers, alice and bob (demo fixture): each sees only their own cameras and links, whatever the URL says, and
/// a crafted id of the other's link or camera is simply not found, with nothing changed.
/// </summary>
public sealed class CustomerIsolationTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/linked-services")]
    [InlineData("/linked-services?account={bob}")]
    [InlineData("/linked-services?accountId={bob}&id={bob}")]
    public async Task LinkedServicesPage_ForAlice_ShowsHersAndNothingOfBobs(string path)
    {
        var bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
        using var alice = await CustomerSession.SignInAsync(app, "alice");

        var html = await alice.PageAsync(path.Replace("{bob}", bob.ToString()));

        html.ShouldContain("Google Assistant");
        html.ShouldContain("Amazon Alexa");
        html.ShouldContain("DEMO-CAM-0001");
        html.ShouldContain("DEMO-CAM-0002");
        html.ShouldNotContain("DEMO-CAM-0003");
        html.ShouldNotContain("IFTTT");   // only bob and carol link it
    }

    [Fact]
    public async Task LinkedServicesPage_ForBob_ShowsHisAndNothingOfAlices()
    {
        using var bob = await CustomerSession.SignInAsync(app, "bob");

        var html = await bob.PageAsync("/linked-services");

        html.ShouldContain("DEMO-CAM-0003");
        html.ShouldContain("IFTTT");
        html.ShouldNotContain("DEMO-CAM-0001");
        html.ShouldNotContain("DEMO-CAM-0002");
        html.ShouldNotContain("Amazon Alexa");
    }

    [Fact]
    public async Task CamerasPage_ForAlice_ListsHerCamerasWithTheServicesThatSeeThem()
    {
        using var alice = await CustomerSession.SignInAsync(app, "alice");

        var html = await alice.PageAsync("/cameras");

        html.ShouldContain("DEMO-CAM-0001");
        html.ShouldContain("Amazon Alexa, Google Assistant");
        html.ShouldNotContain("DEMO-CAM-0003");
    }

    [Fact]
    public async Task LinkedServicesPage_WhenAnonymous_IsNotShown()
    {
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync("/linked-services");

        ((int)response.StatusCode).ShouldBeOneOf(302, 401);
    }

    [Fact]
    public async Task CraftedIds_OfAnotherCustomersLinkOrCamera_AreNotFoundAndChangeNothing()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        var bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
        var bobsGoogle = await CustomerSession.ActiveLinkAsync(app, bob, "google-assistant");
        var alicesGoogle = await CustomerSession.ActiveLinkAsync(app, alice, "google-assistant");
        var links = app.Services.GetRequiredService<LinkService>();
        const string actor = "alice-user";

        // Alice's account acting on bob's link, on bob's camera through her own link, and revoking bob's link.
        (await links.SetExposureAsync(alice, bobsGoogle, "DEMO-CAM-0003", false, actor)).Outcome.ShouldBe(LinkChangeOutcome.NotFound);
        (await links.SetExposureAsync(alice, bobsGoogle, "DEMO-CAM-0001", true, actor)).Outcome.ShouldBe(LinkChangeOutcome.NotFound);
        (await links.SetExposureAsync(alice, alicesGoogle, "DEMO-CAM-0003", true, actor)).Outcome.ShouldBe(LinkChangeOutcome.NotFound);
        (await links.RevokeLinkAsync(alice, bobsGoogle, actor, "crafted")).Outcome.ShouldBe(LinkChangeOutcome.NotFound);

        using var google = app.CreateClient("dev-bridge-google-assistant");
        (await google.CheckAsync(bob, "DEMO-CAM-0003")).Reason.ShouldBe("allowed");
        (await google.CheckAsync(alice, "DEMO-CAM-0003")).Reason.ShouldBe("not_owner");
        await using var db = app.CreateDbContext();
        (await db.AuditEntries.AnyAsync(e => e.Actor == actor)).ShouldBeFalse();
    }

    [Fact]
    public async Task LinkQueries_ForOneCustomer_NeverListAnotherCustomersCameras()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        var queries = app.Services.GetRequiredService<LinkQueries>();

        var services = await queries.ForAccountAsync(alice);

        services.Select(s => s.IntegrationKey).ShouldBe(["alexa", "google-assistant"]);
        services.SelectMany(s => s.Cameras).Select(c => c.Serial).Distinct().ShouldBe(["DEMO-CAM-0001", "DEMO-CAM-0002"]);
        var google = services.Single(s => s.IntegrationKey == "google-assistant");
        google.Cameras.Where(c => c.Exposed).Select(c => c.Serial).ShouldBe(["DEMO-CAM-0001"]);
    }

    [Fact]
    public async Task LinkQueriesCameras_ForEachCustomer_ListOnlyTheirCamerasAndTheServicesThatSeeThem()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        var bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
        var queries = app.Services.GetRequiredService<LinkQueries>();

        var hers = await queries.CamerasAsync(alice);
        var his = await queries.CamerasAsync(bob);
        var nobodys = await queries.CamerasAsync(Guid.NewGuid());

        hers.Select(c => c.Serial).ShouldBe(["DEMO-CAM-0001", "DEMO-CAM-0002"]);
        hers[0].VisibleTo.ShouldBe(["Amazon Alexa", "Google Assistant"]);
        hers[1].VisibleTo.ShouldBe(["Amazon Alexa"]);
        hers[0].Model.ShouldNotBeNullOrWhiteSpace();
        his.Select(c => c.Serial).ShouldContain("DEMO-CAM-0003");
        his.Select(c => c.Serial).ShouldNotContain("DEMO-CAM-0001");
        nobodys.ShouldBeEmpty();
    }
}

/// <summary>A customer's own changes (exposure, unlink): in force for the bridges as soon as the call returns.</summary>
public sealed class CustomerLinkChangeTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Exposure_SwitchedOnThenOff_AllowsThenDeniesAtOnce()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        var link = await CustomerSession.ActiveLinkAsync(app, alice, "google-assistant");
        var links = app.Services.GetRequiredService<LinkService>();
        using var google = app.CreateClient("dev-bridge-google-assistant");
        (await google.CheckAsync(alice, "DEMO-CAM-0002")).Reason.ShouldBe("not_exposed");   // cached before the change

        var on = await links.SetExposureAsync(alice, link, "demo-cam-0002", true, "alice-user");
        var afterOn = await google.CheckAsync(alice, "DEMO-CAM-0002");
        var again = await links.SetExposureAsync(alice, link, "DEMO-CAM-0002", true, "alice-user");
        var off = await links.SetExposureAsync(alice, link, "DEMO-CAM-0002", false, "alice-user");
        var afterOff = await google.CheckAsync(alice, "DEMO-CAM-0002");

        on.Outcome.ShouldBe(LinkChangeOutcome.Done);
        on.Propagation!.IsComplete.ShouldBeTrue();
        afterOn.Reason.ShouldBe("allowed");
        again.Outcome.ShouldBe(LinkChangeOutcome.Unchanged);
        off.Outcome.ShouldBe(LinkChangeOutcome.Done);
        afterOff.Reason.ShouldBe("not_exposed");
        (await LinkApi.LinkAuditAsync(app, alice)).Where(a => a.Actor == "alice-user").Select(a => a.Action)
            .ShouldBe(["exposure.on", "exposure.off"]);
    }

    [Fact]
    public async Task Unlink_ByTheCustomer_RefusesTheServiceAtOnceAndLeavesTheOthers()
    {
        var bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
        var link = await CustomerSession.ActiveLinkAsync(app, bob, "ifttt");
        var links = app.Services.GetRequiredService<LinkService>();
        using var ifttt = app.CreateClient("dev-bridge-ifttt");
        using var google = app.CreateClient("dev-bridge-google-assistant");
        (await ifttt.CheckAsync(bob, "DEMO-CAM-0003")).Reason.ShouldBe("allowed");

        var change = await links.RevokeLinkAsync(bob, link, "bob-user", "unlinked by the customer");
        var twice = await links.RevokeLinkAsync(bob, link, "bob-user", "unlinked by the customer");

        change.Outcome.ShouldBe(LinkChangeOutcome.Done);
        twice.Outcome.ShouldBe(LinkChangeOutcome.NotFound);
        (await ifttt.CheckAsync(bob, "DEMO-CAM-0003")).Reason.ShouldBe("not_linked");
        (await google.CheckAsync(bob, "DEMO-CAM-0003")).Reason.ShouldBe("allowed");
        using var session = await CustomerSession.SignInAsync(app, "bob");
        var html = await session.PageAsync("/linked-services");
        // Only the services part: the activity list below it may name IFTTT for the check made before the unlink.
        var activity = html.IndexOf("data-testid=\"link-activity\"", StringComparison.Ordinal);
        activity.ShouldBeGreaterThan(0);
        html[..activity].ShouldNotContain("IFTTT");
    }
}

/// <summary>Staff pages: support's view of a customer's links, the vendor admins' integration catalog.</summary>
public sealed class StaffLinkPagesTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AccountLinksPage_ForSupport_ShowsTheCustomersLinksWithRevoke()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        using var support = await SignInAsStaffAsync();

        var html = await support.PageAsync($"/accounts/{alice}/links");

        html.ShouldContain("alice@demo.test");
        html.ShouldContain("Google Assistant");
        html.ShouldContain("Amazon Alexa");
        html.ShouldContain("unlink-alexa");
        html.ShouldNotContain("DEMO-CAM-0003");
    }

    [Fact]
    public async Task AccountPage_ForSupport_LinksToTheLinkManagementPage()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        using var support = await SignInAsStaffAsync();

        var html = await support.PageAsync($"/accounts/{alice}");

        html.ShouldContain($"href=\"accounts/{alice}/links\"");
    }

    [Fact]
    public async Task AccountLinksPage_ForACustomer_IsDenied()
    {
        var bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
        using var alice = await CustomerSession.SignInAsync(app, "alice");

        using var response = await alice.GetAsync($"/accounts/{bob}/links");
        var html = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).ShouldBe(302);
        response.Headers.Location!.ToString().ShouldContain("AccessDenied");
        html.ShouldNotContain("DEMO-CAM-0003");
        html.ShouldNotContain("bob@demo.test");
    }

    [Fact]
    public async Task IntegrationCatalogPage_ForAnAdmin_ListsTheIntegrations()
    {
        using var admin = await SignInAsStaffAsync("admin@demo.test");

        var html = await admin.PageAsync("/admin/integration-catalog");

        html.ShouldContain("google-assistant");
        html.ShouldContain("alexa");
        html.ShouldContain("ifttt");
        html.ShouldContain("1 in use");
        html.ShouldNotContain("dev-bridge-");   // keys are never shown again
    }

    [Fact]
    public async Task IntegrationCatalogPage_ForSupport_IsDenied()
    {
        using var support = await SignInAsStaffAsync();

        using var response = await support.GetAsync("/admin/integration-catalog");

        ((int)response.StatusCode).ShouldBe(302);
        response.Headers.Location!.ToString().ShouldContain("AccessDenied");
    }

    private async Task<HttpClient> SignInAsStaffAsync(string email = "support@demo.test")
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await Auth.SignInForm.SignInAsync(client, email, CustomerSession.DemoPassword);
        return client;
    }
}
