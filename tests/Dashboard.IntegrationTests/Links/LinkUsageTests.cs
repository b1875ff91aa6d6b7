using System.Net.Http.Json;
using Dashboard.Core.Integrations;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Links;

/// <summary>The app with the periodic last-used flush out of the way: tests flush when they mean to.</summary>
public sealed class ManualUsageFlushAppFactory : DashboardAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Links:UsageFlushInterval", "01:00:00");
    }
}

/// <summary>Last used of links: noted per decision in memory, written in batches, never per decision.</summary>
public sealed class LinkUsageTests(ManualUsageFlushAppFactory app) : IClassFixture<ManualUsageFlushAppFactory>, IAsyncLifetime
{
    private readonly AccessWorld _world = app.World();

    private LinkUsage Usage => app.Services.GetRequiredService<LinkUsage>();

    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Decisions_AreWrittenAtTheFlushNotBefore()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        var camera = await _world.AddDeviceAsync(account, integration);
        using var bridge = app.BridgeClient(integration);
        var before = DateTime.UtcNow.AddSeconds(-1);

        for (var i = 0; i < 20; i++)
        {
            (await bridge.CheckAsync(account, camera)).Reason.ShouldBe("allowed");
        }
        var unflushed = await LastUsedAsync(account, integration.Id);
        await Usage.FlushAsync();
        var flushed = await LastUsedAsync(account, integration.Id);

        unflushed.ShouldBeNull();
        flushed.ShouldNotBeNull();
        flushed.Value.ShouldBeInRange(before, DateTime.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Denials_AfterTheLinkIsFound_CountAsUse()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        await _world.AddDeviceAsync(account, integration);
        var hidden = await _world.AddDeviceAsync(account);
        using var bridge = app.BridgeClient(integration);

        (await bridge.CheckAsync(account, hidden)).Reason.ShouldBe("not_exposed");
        await Usage.FlushAsync();

        (await LastUsedAsync(account, integration.Id)).ShouldNotBeNull();
    }

    [Fact]
    public async Task VisibleDevices_CountsAsUse()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        await _world.AddDeviceAsync(account, integration);
        using var bridge = app.BridgeClient(integration);

        using var response = await bridge.PostAsJsonAsync("/api/v1/access/visible-devices", new { account });
        response.EnsureSuccessStatusCode();
        await Usage.FlushAsync();

        (await LastUsedAsync(account, integration.Id)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Flush_NeverMovesATimeBackwards()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        await _world.AddDeviceAsync(account, integration);
        var recent = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

        Usage.Record(integration.Id, account, recent);
        await Usage.FlushAsync();
        Usage.Record(integration.Id, account, recent.AddDays(-3));
        await Usage.FlushAsync();

        (await LastUsedAsync(account, integration.Id)).ShouldBe(recent);
    }

    [Fact]
    public async Task Flush_LeavesRevokedLinksAlone()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        await _world.AddDeviceAsync(account, integration);
        await app.Services.GetRequiredService<LinkService>().RevokeAsync(account, integration.Id, "test", "test");

        Usage.Record(integration.Id, account, DateTime.UtcNow);
        await Usage.FlushAsync();

        await using var db = app.CreateDbContext();
        (await db.AccountLinks.Where(l => l.AccountId == account).Select(l => l.LastUsedAt).SingleAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task Pending_IsBounded()
    {
        var integration = Guid.NewGuid();
        for (var i = 0; i < LinkUsage.MaxPending + 100; i++)
        {
            Usage.Record(integration, Guid.NewGuid(), DateTime.UtcNow);
        }

        Usage.PendingCount.ShouldBeLessThanOrEqualTo(LinkUsage.MaxPending);
        (await Usage.FlushAsync()).ShouldBeGreaterThan(0);
        Usage.PendingCount.ShouldBe(0);
    }

    private async Task<DateTime?> LastUsedAsync(Guid account, Guid integration)
    {
        await using var db = app.CreateDbContext();
        return await db.AccountLinks
            .Where(l => l.AccountId == account && l.IntegrationId == integration && l.Status == LinkStatus.Active)
            .Select(l => l.LastUsedAt)
            .SingleAsync();
    }
}
