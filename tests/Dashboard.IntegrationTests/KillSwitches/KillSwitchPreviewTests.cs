using System.Net.Http.Json;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.IntegrationTests.KillSwitches;

/// <summary>
/// Preview counts on the demo fixture, worked out by hand from its links: alice–google exposes 0001, alice–alexa
/// 0001 and 0002, bob–google 0003, bob–ifttt 0003, carol–ifttt nothing. No test in this class fires a switch.
/// </summary>
public sealed class KillSwitchPreviewTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, long, long, long> Scopes => new()
    {
        { """{"integration":"google-assistant","actions":["stream"]}""", 2, 2, 2 },
        { """{"integrationKind":"assistant","actions":["stream"]}""", 2, 3, 3 },
        { """{"integrationKind":"automation"}""", 1, 1, 1 },
        { """{"allIntegrations":true}""", 2, 3, 4 },
        { """{"allIntegrations":true,"regions":["US"]}""", 1, 1, 2 },
        { """{"integrationKind":"assistant","models":["Mi Home Security Camera Basic 1080p"]}""", 2, 2, 3 },
        { """{"allIntegrations":true,"devices":["demo-cam-0001"]}""", 1, 1, 2 },
        { """{"integration":"alexa","firmware":["no-such-firmware"]}""", 0, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task Preview_OnTheDemoFixture_CountsAccountsDevicesAndLinks(string scope, long accounts, long devices, long links)
    {
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);

        using var response = await admin.PostAsync(
            $"{KillSwitchApi.Path}/preview", new StringContent(scope, System.Text.Encoding.UTF8, "application/json"));
        var radius = await response.JsonAsync();

        radius.Keys().ShouldBe(["accounts", "devices", "links"]);
        radius.Radius().ShouldBe((accounts, devices, links));
    }

    [Fact]
    public async Task Preview_ForAliceByAccountId_CountsOnlyHerLinks()
    {
        var alice = await DemoFixtureApp.AccountIdAsync(app, "alice");
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);

        var radius = await admin.PreviewAsync(new { allIntegrations = true, accounts = new[] { alice } });

        radius.Radius().ShouldBe((1L, 2L, 2L));
    }

    [Fact]
    public async Task Preview_WritesNothing()
    {
        await using var before = app.CreateDbContext();
        var switches = await before.KillSwitches.CountAsync();
        var audit = await before.AuditEntries.CountAsync();
        using var admin = app.CreateClient(KillSwitchApi.AdminToken);

        await admin.PreviewAsync(new { allIntegrations = true });

        await using var after = app.CreateDbContext();
        (await after.KillSwitches.CountAsync()).ShouldBe(switches);
        (await after.AuditEntries.CountAsync()).ShouldBe(audit);
    }

    [Fact]
    public async Task Preview_WithSupportToken_Returns403()
    {
        using var support = app.CreateClient(KillSwitchApi.SupportToken);

        using var response = await support.PostAsJsonAsync($"{KillSwitchApi.Path}/preview", new { allIntegrations = true });

        ((int)response.StatusCode).ShouldBe(403);
    }
}
