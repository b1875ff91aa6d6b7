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
    private Task<AppInstance>? _restarting;
    private AppInstance? _b;

    public FaultCluster Cluster { get; } = new();

    /// <summary>The <c>Application Name</c> of the current A's sessions.</summary>
    public string ASessions => $"fault-A{_generation}";

    public AppInstance B => _b ?? throw new InvalidOperationException("Not started.");

    internal AccessWorld World => new(() => TestPostgres.CreateDbContext(Cluster.Database), () => Task.CompletedTask);

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        await StartAAsync();
        _b = await AppInstance.StartAsync("B", Cluster.ConnectionString("fault-B"));
    }

    /// <summary>The current A, running: a restart begun with <see cref="RestartA"/> is waited for, a dead A replaced.</summary>
    public async Task<AppInstance> RunningAAsync()
    {
        var a = _restarting is null ? _a! : await _restarting;
        _restarting = null;
        return a.HasExited ? await StartAAsync() : a;
    }

    /// <summary>
    /// Begins starting a new A (the old one is expected to be dead, and is stopped if not), while the test goes on;
    /// <see cref="RunningAAsync"/> returns it. Its sessions get a new name at once.
    /// </summary>
    public void RestartA()
    {
        var old = _a;
        _restarting = Task.Run(async () =>
        {
            if (old is not null)
            {
                await old.DisposeAsync();
            }
            return await StartAAsync();
        });
    }

    private async Task<AppInstance> StartAAsync()
    {
        var generation = Interlocked.Increment(ref _generation);
        _a = await AppInstance.StartAsync($"A{generation}", Cluster.ConnectionString($"fault-A{generation}"));
        return _a;
    }

    public async Task DisposeAsync()
    {
        if (_restarting is not null)
        {
            await _restarting.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        await Task.WhenAll(
            _a?.DisposeAsync().AsTask() ?? Task.CompletedTask,
            _b?.DisposeAsync().AsTask() ?? Task.CompletedTask);
        await Cluster.DisposeAsync();
    }
}
