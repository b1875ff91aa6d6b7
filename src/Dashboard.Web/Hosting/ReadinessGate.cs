using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Hosting;

/// <summary>Start-up steps that must finish before <c>/readyz</c> answers 200 (migrations, demo seeding, ...).</summary>
public sealed class ReadinessGate
{
    private readonly ConcurrentDictionary<string, Step> _steps = new();

    public Step Register(string name) => _steps.GetOrAdd(name, n => new Step(n));

    public IReadOnlyCollection<Step> Steps => _steps.Values.ToList();

    public sealed class Step(string name)
    {
        public string Name { get; } = name;
        public bool Done { get; private set; }
        public string? Failure { get; private set; }

        public void Complete() => Done = true;

        public void Fail(string failure) => Failure = failure;
    }
}

internal sealed class ReadinessGateHealthCheck(ReadinessGate gate) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failed = gate.Steps.FirstOrDefault(s => s.Failure is not null);
        if (failed is not null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"{failed.Name} failed: {failed.Failure}"));
        }
        var waiting = gate.Steps.Where(s => !s.Done).Select(s => s.Name).ToList();
        return Task.FromResult(waiting.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("waiting for " + string.Join(", ", waiting)));
    }
}
