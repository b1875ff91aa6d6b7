using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.Core.KillSwitches;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.KillSwitches;

/// <summary>
/// Preview counts on the demo fixture while another switch already denies part of the scope (alice–google exposes
/// 0001, alice–alexa 0001 and 0002, bob–google 0003, bob–ifttt 0003). Each test fires one switch and lifts it again
/// (two admins) before the next, so the previews see exactly one denying switch.
/// </summary>
public sealed class KillSwitchPreviewOverlapTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Preview_WithAnActiveSwitchOnOneDevicesStreams_CountsWhatIsStillGranted()
    {
        var previews = await WithActiveSwitchAsync(
            new { integration = "alexa", actions = new[] { "stream" }, devices = new[] { "DEMO-CAM-0002" } },
            new { integrationKind = "assistant", actions = new[] { "stream" } },
            new { integration = "alexa", actions = new[] { "stream", "snapshot" } },
            new { integration = "alexa", actions = new[] { "stream" } });

        // 0002's alexa stream is already denied; 0001 still streams over alexa, so alice–alexa still counts.
        previews[0].ShouldBe((2L, 2L, 3L));
        // 0002's alexa snapshot is not denied: the partial overlap leaves both alexa devices in the radius.
        previews[1].ShouldBe((1L, 2L, 1L));
        previews[2].ShouldBe((1L, 1L, 1L));
    }

    [Fact]
    public async Task Preview_WithAnActiveSwitchOnOneAccount_LeavesTheOtherAccounts()
    {
        var bob = await DemoFixtureApp.AccountIdAsync(app, "bob");

        var previews = await WithActiveSwitchAsync(
            new { allIntegrations = true, accounts = new[] { bob } },
            new { allIntegrations = true },
            new { integration = "ifttt" });

        previews[0].ShouldBe((1L, 2L, 2L));
        previews[1].ShouldBe((0L, 0L, 0L));
    }

    [Fact]
    public async Task Preview_WithAnActiveSwitchOnARegion_CountsOnlyOtherRegions()
    {
        var previews = await WithActiveSwitchAsync(
            new { integrationKind = "assistant", regions = new[] { "EU" } },
            new { integrationKind = "assistant", actions = new[] { "stream" } },
            new { allIntegrations = true });

        // Only bob's US camera over google is left among the assistants; ifttt is not covered by the active switch.
        previews[0].ShouldBe((1L, 1L, 1L));
        previews[1].ShouldBe((1L, 1L, 2L));
    }

    [Fact]
    public async Task Preview_WithAnActiveSwitchOnEveryAction_CountsNothingItCovers()
    {
        var previews = await WithActiveSwitchAsync(
            new { integration = "google-assistant" },
            new { integration = "google-assistant", actions = new[] { "stream" } },
            new { integrationKind = "assistant" });

        previews[0].ShouldBe((0L, 0L, 0L));
        previews[1].ShouldBe((1L, 2L, 1L));
    }

    [Fact]
    public async Task Preview_WithAStoredScopeWrittenLoosely_ReadsItAsDecisionsDo()
    {
        // Written straight to the table, as no API would store it: untrimmed, mixed case. The matcher still stops
        // alexa streams of 0002 with it, so the preview must not count them either.
        var stored = new KillSwitch
        {
            Id = Guid.CreateVersion7(),
            Scope = new KillSwitchScope { Integration = " Alexa ", Actions = ["stream"], Devices = [" demo-cam-0002 "] },
            Reason = "loosely written",
            ActivatedBy = "test",
            ActivatedAt = DateTime.UtcNow,
        };
        await using (var db = app.CreateDbContext())
        {
            db.KillSwitches.Add(stored);
            await db.SaveChangesAsync();
        }
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);
        try
        {
            (await admin.PreviewAsync(new { integration = "alexa", actions = new[] { "stream" } })).Radius().ShouldBe((1L, 1L, 1L));
            (await admin.PreviewAsync(new { integration = "alexa", actions = new[] { "snapshot" } })).Radius().ShouldBe((1L, 2L, 1L));
        }
        finally
        {
            await using var db = app.CreateDbContext();
            await db.KillSwitches.Where(k => k.Id == stored.Id).ExecuteDeleteAsync();
        }
    }

    /// <summary>Fires <paramref name="active"/>, previews each scope, then lifts the switch again.</summary>
    private async Task<List<(long Accounts, long Devices, long Links)>> WithActiveSwitchAsync(object active, params object[] scopes)
    {
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);
        using var admin2 = app.CreateClient(KillSwitchApi.Admin2Token);
        var fired = await admin.FireAsync(active);
        try
        {
            var previews = new List<(long, long, long)>();
            foreach (var scope in scopes)
            {
                previews.Add((await admin.PreviewAsync(scope)).Radius());
            }
            return previews;
        }
        finally
        {
            (await admin.RequestLiftAsync(fired.Id())).Dispose();
            (await admin2.ApproveLiftAsync(fired.Id())).Dispose();
        }
    }
}
