using System.Collections.Concurrent;
using System.Diagnostics;
using Dashboard.Core.Integrations;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Api;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Links;

/// <summary>
/// The timing rule for link changes under continuous checks: no check sent after the change returned is allowed.
/// Checkers run while the change is made, so answers from the cache, a miss and a racing read are all exercised.
/// </summary>
public sealed class LinkChangeGuaranteeTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    private readonly AccessWorld _world = app.World();

    public async Task InitializeAsync()
    {
        await DemoFixtureApp.WaitUntilReadyAsync(app);
        await app.LoadBridgeKeysAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ExposureOff_ByTheCustomer_NoCheckSentAfterItReturnedIsAllowed()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        var camera = await _world.AddDeviceAsync(account, integration);
        var link = await CustomerSession.ActiveLinkAsync(app, account, integration.Key);
        var links = app.Services.GetRequiredService<LinkService>();

        var samples = await UnderChecksAsync(integration, account, camera,
            () => links.SetExposureAsync(account, link, camera, false, "customer"));

        samples.AfterChange.ShouldNotBeEmpty();
        samples.AfterChange.ShouldAllBe(s => s.Reason == "not_exposed");
        samples.BeforeChange.ShouldContain(s => s.Reason == "allowed");
    }

    [Fact]
    public async Task Unlink_ReportedByTheBridge_NoCheckSentAfterItReturnedIsAllowed()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        var camera = await _world.AddDeviceAsync(account, integration);
        using var bridge = app.BridgeClient(integration);

        var samples = await UnderChecksAsync(integration, account, camera,
            async () => (await bridge.ReportUnlinkAsync(account)).EnsureSuccessStatusCode());

        samples.AfterChange.ShouldNotBeEmpty();
        samples.AfterChange.ShouldAllBe(s => s.Reason == "not_linked");
    }

    [Fact]
    public async Task Unlink_ByTheCustomer_NoCheckSentAfterItReturnedIsAllowed()
    {
        var integration = await _world.AddIntegrationAsync();
        var account = await _world.AddAccountAsync();
        var camera = await _world.AddDeviceAsync(account, integration);
        var link = await CustomerSession.ActiveLinkAsync(app, account, integration.Key);
        var links = app.Services.GetRequiredService<LinkService>();

        var samples = await UnderChecksAsync(integration, account, camera,
            () => links.RevokeLinkAsync(account, link, "customer", "unlinked by the customer"));

        samples.AfterChange.ShouldNotBeEmpty();
        samples.AfterChange.ShouldAllBe(s => s.Reason == "not_linked");
    }

    private sealed record Sample(long SentAt, string Reason);

    private sealed record Samples(IReadOnlyList<Sample> BeforeChange, IReadOnlyList<Sample> AfterChange);

    /// <summary>Four checkers loop from before the change until a while after it returned.</summary>
    private async Task<Samples> UnderChecksAsync(TestIntegration integration, Guid account, string camera, Func<Task> change)
    {
        var clock = Stopwatch.StartNew();
        var samples = new ConcurrentBag<Sample>();
        using var stop = new CancellationTokenSource();
        var checkers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var client = app.BridgeClient(integration);
            while (!stop.IsCancellationRequested)
            {
                var sentAt = clock.ElapsedTicks;
                var answer = await client.CheckAsync(account, camera);
                samples.Add(new Sample(sentAt, answer.Reason));
            }
        })).ToArray();

        await Task.Delay(300);
        await change();
        var returnedAt = clock.ElapsedTicks;
        await Task.Delay(500);
        await stop.CancelAsync();
        await Task.WhenAll(checkers);

        var all = samples.ToList();
        return new Samples(all.Where(s => s.SentAt < returnedAt).ToList(), all.Where(s => s.SentAt > returnedAt).ToList());
    }
}
