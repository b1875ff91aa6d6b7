using Dashboard.Core.Access;
using Dashboard.Core.Access.Runtime;
using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.IntegrationTests.Ownership;

/// <summary>The app with one more decision observer, which counts what the decision path reports.</summary>
public sealed class ObservedAppFactory : DashboardAppFactory
{
    internal CountingObserver Observer { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IAccessDecisionObserver>(Observer));
    }
}

internal sealed class CountingObserver : IAccessDecisionObserver
{
    private int _decided;

    public int Decided => Volatile.Read(ref _decided);

    void IAccessDecisionObserver.Decided(in AccessRequest request, DecisionOutcome outcome) => Interlocked.Increment(ref _decided);

    void IAccessDecisionObserver.Listed(Guid integrationId, Guid accountId, VisibleDevicesOutcome outcome)
    {
    }
}

/// <summary>A support look-up is not a bridge's request: computing effective access leaves no telemetry behind.</summary>
public sealed class EffectiveAccessSideEffectTests(ObservedAppFactory app) : IClassFixture<ObservedAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoFixtureApp.WaitUntilReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetDevice_ComputesAccessWithoutReportingDecisionsToObservers()
    {
        using var support = app.CreateClient(OwnershipApi.SupportToken);
        using var google = app.CreateClient("dev-bridge-google-assistant");
        await Api.DemoAppExtensions.LoadBridgeKeysAsync(app);
        var bob = await DemoFixtureApp.AccountIdAsync(app, "bob");
        // The observer is live: a bridge's check reaches it.
        await google.CheckAsync(bob, "DEMO-CAM-0003");
        var before = app.Observer.Decided;
        before.ShouldBeGreaterThan(0);

        var device = await support.DeviceAsync("DEMO-CAM-0003");

        device.AccessLines().Count.ShouldBe(8);
        app.Observer.Decided.ShouldBe(before);
    }
}
