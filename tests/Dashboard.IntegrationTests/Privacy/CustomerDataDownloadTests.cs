using System.Net;
using System.Text.Json;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Auth;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.IntegrationTests.Privacy;

/// <summary>A customer's "Download my data": what it holds, and that it holds nothing of another customer.</summary>
public sealed class CustomerDataDownloadTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    private const string Path = "/export/my-data.json";
    private Guid _alice;
    private Guid _bob;

    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
        _alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        _bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AlicesDownload_HoldsHerAccountCamerasLinksExposuresActivityAndAccessRecords()
    {
        var reason = "ticket-" + Guid.NewGuid().ToString("N");
        using (var support = app.CreateClient("dev-support-token"))
        {
            (await support.GetAsync($"/api/v1/devices/DEMO-CAM-0001?reason={reason}")).EnsureSuccessStatusCode();
        }
        using (var bridge = app.CreateClient("dev-bridge-alexa"))
        {
            (await bridge.CheckAsync(_alice, "DEMO-CAM-0002", "snapshot")).Decision.ShouldBe("allow");
        }
        using var alice = await SignedInAsync("alice@demo.test");

        using var response = await alice.GetAsync(Path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"')
            .ShouldBe($"my-data-{DateTime.UtcNow:yyyy-MM-dd}.json");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        root.GetProperty("account").GetProperty("id").GetGuid().ShouldBe(_alice);
        root.GetProperty("account").GetProperty("email").GetString().ShouldBe("alice@demo.test");
        root.GetProperty("account").GetProperty("region").GetString().ShouldNotBeNullOrEmpty();
        Strings(root, "cameras", "serial").ShouldBe(["DEMO-CAM-0001", "DEMO-CAM-0002"]);
        root.GetProperty("cameras").EnumerateArray().ShouldAllBe(c => c.GetProperty("ownedSince").ValueKind == JsonValueKind.String);
        Strings(root, "ownershipEvents", "to").ShouldContain("you");
        Strings(root, "links", "service").Order().ShouldBe(["alexa", "google-assistant"]);
        Strings(root, "exposures", "serial").Order().ShouldBe(["DEMO-CAM-0001", "DEMO-CAM-0001", "DEMO-CAM-0002"]);
        var record = root.GetProperty("accessRecords").EnumerateArray().Single(r => r.GetProperty("reason").GetString() == reason);
        record.GetProperty("staff").GetString().ShouldBe("support@demo.test");
        record.GetProperty("device").GetString().ShouldBe("DEMO-CAM-0001");
        // Activity is flushed to the database about every second.
        await Eventually.HoldsAsync(async () =>
        {
            using var again = JsonDocument.Parse(await alice.GetStringAsync(Path));
            return again.RootElement.GetProperty("activity").EnumerateArray()
                .Any(a => a.GetProperty("serial").GetString() == "DEMO-CAM-0002" && a.GetProperty("allowed").GetBoolean());
        }, TimeSpan.FromSeconds(15), "alice's check never showed in her download");
    }

    [Fact]
    public async Task AlicesDownload_HoldsNothingOfBobs()
    {
        var bobsTicket = "bob-only-" + Guid.NewGuid().ToString("N");
        using (var support = app.CreateClient("dev-support-token"))
        {
            (await support.GetAsync($"/api/v1/accounts/{_bob}?reason={bobsTicket}")).EnsureSuccessStatusCode();
            (await support.GetAsync($"/api/v1/devices/DEMO-CAM-0003?reason={bobsTicket}")).EnsureSuccessStatusCode();
        }
        using (var bridge = app.CreateClient("dev-bridge-ifttt"))
        {
            (await bridge.CheckAsync(_bob, "DEMO-CAM-0003", "stream")).Decision.ShouldBe("allow");
        }
        using var alice = await SignedInAsync("alice@demo.test");
        using var bob = await SignedInAsync("bob@demo.test");

        var bobsOwn = await bob.GetStringAsync(Path);
        var alices = await alice.GetStringAsync(Path);

        // Bob's own download proves these values are there to leak; alice's holds none of them.
        foreach (var bobs in new[] { "bob@demo.test", _bob.ToString(), "DEMO-CAM-0003", bobsTicket, "ifttt" })
        {
            bobsOwn.ShouldContain(bobs);
            alices.ShouldNotContain(bobs, Case.Insensitive);
        }
        alices.ShouldContain("alice@demo.test");
    }

    [Fact]
    public async Task StaffAndAnonymousCallers_GetNoCustomerDownload()
    {
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await anonymous.GetAsync(Path)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var supportToken = app.CreateClient("dev-support-token");
        (await supportToken.GetAsync(Path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var supportCookie = await SignedInAsync("support@demo.test");
        var staff = await supportCookie.GetAsync(Path);
        staff.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        staff.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }

    private static List<string?> Strings(JsonElement root, string array, string property) =>
        root.GetProperty(array).EnumerateArray().Select(e => e.GetProperty(property).GetString()).ToList();

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInForm.SignInAsync(client, email, "Demo-pass-1");
        return client;
    }
}
