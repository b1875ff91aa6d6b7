using Dashboard.Core.Auth;

namespace Dashboard.Web.Auth;

/// <summary>Thrown at start-up outside Development while a published demo credential would let someone in.</summary>
public sealed class DemoCredentialsPresentException(IReadOnlyList<DemoCredentialFinding> findings)
    : Exception(Describe(findings))
{
    public IReadOnlyList<DemoCredentialFinding> Findings { get; } = findings;

    public static string Describe(IReadOnlyList<DemoCredentialFinding> findings) =>
        $"Refusing to start outside Development: the database holds {findings.Count} well-known demo credential(s), "
        + "which are published and would let anyone in:" + Environment.NewLine
        + string.Join(Environment.NewLine, findings.Select(f => $"  - {f.Kind}: {f.Description}")) + Environment.NewLine
        + "Change those passwords (or delete the demo users) and delete those api_tokens / bridge_keys rows, then start again. "
        + "Demo data is only for Development; create the first real admin with 'create-admin --email <address>'.";
}

/// <summary>
/// Outside Development, stops the app from starting while any demo credential of
/// <see cref="WellKnownDemoSecrets"/> exists. Registered after the migration service, so it runs on the current
/// schema and before the server listens: a failure here means no request is ever served.
/// </summary>
internal sealed class ProductionGuard(
    IServiceScopeFactory scopes,
    IHostEnvironment environment,
    ILogger<ProductionGuard> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsDevelopment())
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var findings = await scope.ServiceProvider.GetRequiredService<DemoCredentialScanner>().ScanAsync(cancellationToken);
        if (findings.Count == 0)
        {
            AuthLog.NoDemoCredential(logger);
            return;
        }
        var failure = new DemoCredentialsPresentException(findings);
        AuthLog.DemoCredentialsPresent(logger, failure.Message);
        throw failure;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
