using Dashboard.IntegrationTests.Access;
using Dashboard.IntegrationTests.Guarantees;
using Dashboard.IntegrationTests.Infrastructure;

namespace Dashboard.IntegrationTests.Faults;

/// <summary>
/// Two instances over a <see cref="FaultCluster"/>: B survives every drill, A is the one killed and started again
/// (a new process, <c>A1</c>, <c>A2</c>, ...), each generation with its own <c>Application Name</c> so its sessions
/// can be waited out after the kill.
/// </summary>
public sealed class FireDrillInstances : IAsyncLifetime
{
    private int _generation;
    private AppInstance? _a;
    private AppInstance? _b;

    public FaultCluster Cluster { get; } = new();

    public AppInstance A => _a ?? throw new InvalidOperationException("Not started.");

    /// <summary>The <c>Application Name</c> of <see cref="A"/>'s sessions.</summary>
    public string ASessions => $"fault-A{_generation}";

    public AppInstance B => _b ?? throw new InvalidOperationException("Not started.");

    internal AccessWorld World => new(() => TestPostgres.CreateDbContext(Cluster.Database), () => Task.CompletedTask);

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        await StartAAsync();
        _b = await AppInstance.StartAsync("B", Cluster.ConnectionString("fault-B"));
    }

    /// <summary>Starts a new A (the old one is expected to be dead, and is stopped if not).</summary>
    public async Task<AppInstance> RestartAAsync()
    {
        if (_a is not null)
        {
            await _a.DisposeAsync();
        }
        return await StartAAsync();
    }

    private async Task<AppInstance> StartAAsync()
    {
        _generation++;
        _a = await AppInstance.StartAsync($"A{_generation}", Cluster.ConnectionString(ASessions));
        return _a;
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(
            _a?.DisposeAsync().AsTask() ?? Task.CompletedTask,
            _b?.DisposeAsync().AsTask() ?? Task.CompletedTask);
        await Cluster.DisposeAsync();
    }
}
