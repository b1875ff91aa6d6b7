namespace Dashboard.Web.Seeding;

/// <summary>
/// Says, once at start-up, why nothing was seeded although <c>Database:SeedDemoData</c> is set: the demo
/// fixture carries published passwords and tokens, so it is seeded in Development only, whatever the flag says.
/// </summary>
internal sealed partial class DemoSeedingRefusal(IHostEnvironment environment, ILogger<DemoSeedingRefusal> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogRefused(environment.EnvironmentName);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Database:SeedDemoData is set, but the environment is {Environment}: refusing to seed the demo fixture "
            + "and fleet, whose passwords and tokens are public. Demo data is seeded in Development only.")]
    private partial void LogRefused(string environment);
}
