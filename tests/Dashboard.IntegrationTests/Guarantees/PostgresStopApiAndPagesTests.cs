using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Core.Data;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Auth;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Dashboard.IntegrationTests.Guarantees;

/// <summary>
/// PostgreSQL stops while the staff API, the link API and the signed-in pages are in use (the decision API has its own
/// test, <see cref="PostgresStopTests"/>). Every call is answered quickly with a 503 that says "try again" (a problem
/// for the API, a readable page for a browser), nothing is written or acknowledged, and once PostgreSQL is back the same
/// calls work on the same processes.
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class PostgresStopApiAndPagesTests(OwnClusterInstances cluster, ITestOutputHelper output)
    : IClassFixture<OwnClusterInstances>, IAsyncLifetime
{
    /// <summary>"Quickly": a stopped server refuses connections at once; this leaves room for a busy machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);
    private const string DemoCamera = "DEMO-CAM-0001";

    private bool _stopped;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>PostgreSQL is running again whatever a test did, for the next test of the fixture.</summary>
    public async Task DisposeAsync()
    {
        if (_stopped)
        {
            await cluster.StartPostgresAsync();
        }
    }

    [Fact]
    public async Task Api_WhilePostgresIsStopped_EveryCallIsAQuick503Problem_NothingWritten_ThenWorksAgain()
    {
        var instances = cluster.Instances;
        var a = instances.A;
        var world = instances.World;
        var bridge = await world.AddIntegrationAsync();
        var customer = await world.AddAccountAsync();
        var camera = await world.AddDeviceAsync(customer);
        var unowned = await world.AddDeviceAsync(null);
        var bob = await instances.AccountIdAsync("bob@demo.test");
        using var support = a.CreateClient(StaffApi.SupportToken);
        using var admin = a.CreateClient("dev-admin-token");
        using var bridgeClient = a.CreateClient(bridge.BridgeKey);
        // Before the stop: the instance knows the new bridge key (it learns one within a couple of seconds, see
        // TwoInstances), and the staff API answers.
        (await FirstAnswerWithTheKeyKnownAsync(bridgeClient, customer, camera)).ShouldBe(HttpStatusCode.OK);
        (await support.GetAsync("/api/v1/devices?query=DEMO-CAM")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await SnapshotAsync(customer, camera, unowned);

        await StopAsync();
        (string Name, Func<Task<HttpResponseMessage>> Send)[] calls =
        [
            ("staff search", () => support.GetAsync("/api/v1/devices?query=DEMO-CAM")),
            ("staff device", () => support.GetAsync($"/api/v1/devices/{DemoCamera}")),
            ("staff accounts", () => support.GetAsync("/api/v1/accounts?query=alice")),
            ("audit", () => admin.GetAsync("/api/v1/audit")),
            ("kill switches", () => admin.GetAsync("/api/v1/kill-switches")),
            ("claim", () => support.PostAsJsonAsync($"/api/v1/devices/{unowned}/claim", new { account = customer, reason = "outage test" })),
            ("transfer", () => support.PostAsJsonAsync($"/api/v1/devices/{camera}/transfer", new { toAccount = bob, reason = "outage test" })),
            ("lock", () => support.PostAsJsonAsync($"/api/v1/accounts/{customer}/lock", new { reason = "outage test" })),
            ("link", () => bridgeClient.PostAsJsonAsync("/api/v1/links", new { account = customer, devices = new[] { camera } })),
            ("unlink", () => bridgeClient.DeleteAsync($"/api/v1/links/{customer}")),
        ];
        foreach (var (name, send) in calls)
        {
            var (response, took) = await TimedAsync(send);
            using (response)
            {
                output.WriteLine($"{name}: {(int)response.StatusCode} in {took.TotalMilliseconds:0} ms");
                var problem = await response.ProblemAsync(503);
                response.Headers.RetryAfter.ShouldNotBeNull($"{name} has no Retry-After");
                took.ShouldBeLessThan(Bound, name);
                problem.ToJsonString().ShouldNotContain("Npgsql", customMessage: name);
            }
        }

        await StartAsync();
        await a.WaitUntilReadyAsync(Recovery);
        (await SnapshotAsync(customer, camera, unowned)).ShouldBe(before, "something was written while PostgreSQL was stopped");
        // The same processes answer as before the stop: no restart was needed.
        using (var search = await support.GetAsync("/api/v1/devices?query=DEMO-CAM"))
        {
            await search.JsonAsync();
        }
        using (var link = await bridgeClient.PostAsJsonAsync("/api/v1/links", new { account = customer, devices = new[] { camera } }))
        {
            link.StatusCode.ShouldBe(HttpStatusCode.Created, await link.Content.ReadAsStringAsync());
        }
        await support.TransferAsync(camera, bob);
        a.HasExited.ShouldBeFalse();
    }

    [Fact]
    public async Task Pages_WhilePostgresIsStopped_AreA503PageSayingSo_SignInTooSaysSo_ThenWorkAgain()
    {
        var a = cluster.Instances.A;
        using var signedIn = BrowserLikeClient(a);
        await SignInForm.SignInAsync(signedIn, "support@demo.test", "Demo-pass-1");
        // Pages that read the database while they are rendered on the server.
        string[] pages = ["/devices", $"/devices/{DemoCamera}", "/search?q=DEMO-CAM"];
        foreach (var path in pages)
        {
            using var page = await signedIn.GetAsync(path);
            page.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
        using var visitor = BrowserLikeClient(a);

        await StopAsync();
        // The sign-in page itself needs no database (its key ring is in memory): it loads, and posting it says why
        // it cannot sign in.
        var form = await LoginFormAsync(visitor);
        foreach (var path in pages)
        {
            var (response, took) = await TimedAsync(() => signedIn.GetAsync(path));
            using (response)
            {
                var html = await response.Content.ReadAsStringAsync();
                output.WriteLine($"{path}: {(int)response.StatusCode} in {took.TotalMilliseconds:0} ms");
                response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, $"{path}: {html}");
                response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", path);
                response.Headers.RetryAfter.ShouldNotBeNull(path);
                html.ShouldContain("The database is unavailable", customMessage: path);
                html.ShouldNotContain("   at ", customMessage: path);
                html.ShouldNotContain("Exception", customMessage: path);
                took.ShouldBeLessThan(Bound, path);
            }
        }
        // The audit log reads its grid only once the circuit runs (where the page shows the message instead): what is
        // rendered on the server must not claim a count it never read.
        using (var audit = await signedIn.GetAsync("/audit"))
        {
            var html = await audit.Content.ReadAsStringAsync();
            audit.StatusCode.ShouldBe(HttpStatusCode.OK);
            html.ShouldContain("Counting", customMessage: "the count is not claimed before it is read");
            html.ShouldNotContain("entries match");
        }
        var (signIn, signInTook) = await TimedAsync(() => visitor.PostAsync(SignInForm.LoginPath, new FormUrlEncodedContent(form)));
        using (signIn)
        {
            var html = await signIn.Content.ReadAsStringAsync();
            signIn.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, html);
            html.ShouldContain("Your sign-in could not be checked.");
            html.ShouldContain("name=\"Input.Email\"", customMessage: "the form is still there to try again");
            html.ShouldNotContain("   at ");
            signIn.Headers.Contains("Set-Cookie").ShouldBeFalse("nothing may be signed in without the database");
            signInTook.ShouldBeLessThan(Bound);
        }

        await StartAsync();
        await a.WaitUntilReadyAsync(Recovery);
        foreach (var path in pages)
        {
            using var page = await signedIn.GetAsync(path);
            page.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
        using var again = BrowserLikeClient(a);
        await SignInForm.SignInAsync(again, "support@demo.test", "Demo-pass-1");
        a.HasExited.ShouldBeFalse();
    }

    private async Task StopAsync()
    {
        await cluster.StopPostgresAsync();
        _stopped = true;
    }

    private async Task StartAsync()
    {
        await cluster.StartPostgresAsync();
        _stopped = false;
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Took)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        var response = await send();
        await response.Content.LoadIntoBufferAsync();
        return (response, clock.Elapsed);
    }

    private static async Task<HttpStatusCode> FirstAnswerWithTheKeyKnownAsync(HttpClient bridge, Guid account, string device)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await CheckAsync(bridge, account, device);
            if (response.StatusCode != HttpStatusCode.Unauthorized || DateTime.UtcNow > deadline)
            {
                return response.StatusCode;
            }
            await Task.Delay(100);
        }
    }

    private static Task<HttpResponseMessage> CheckAsync(HttpClient bridge, Guid account, string device) =>
        bridge.PostAsJsonAsync("/api/v1/access/check", new { account, device, action = "stream" });

    /// <summary>Cookies kept, redirects not followed, and pages asked for as a browser asks for them.</summary>
    private static HttpClient BrowserLikeClient(AppInstance instance)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = instance.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml");
        return client;
    }

    private static async Task<Dictionary<string, string>> LoginFormAsync(HttpClient client)
    {
        using var page = await client.GetAsync(SignInForm.LoginPath);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        return new Dictionary<string, string>
        {
            ["_handler"] = SignInForm.HiddenValue(html, "_handler"),
            ["__RequestVerificationToken"] = SignInForm.HiddenValue(html, "__RequestVerificationToken"),
            ["Input.Email"] = "support@demo.test",
            ["Input.Password"] = "Demo-pass-1",
        };
    }

    /// <summary>What the calls made during the outage would have changed, had anything been written.</summary>
    private async Task<string> SnapshotAsync(Guid customer, params string[] serials)
    {
        await using var db = cluster.Instances.CreateDbContext();
        var owners = await db.Devices.Where(d => serials.Contains(d.Serial))
            .OrderBy(d => d.Serial).Select(d => d.Serial + "=" + d.OwnerId + "@" + d.OwnershipVersion).ToListAsync();
        var events = await db.OwnershipEvents.CountAsync();
        var links = await db.AccountLinks.CountAsync(l => l.AccountId == customer);
        var status = await db.Accounts.Where(x => x.Id == customer).Select(x => x.Status).SingleAsync();
        var audit = await db.AuditEntries.CountAsync();
        return $"{string.Join(",", owners)}; events {events}; links {links}; status {status}; audit {audit}";
    }
}
