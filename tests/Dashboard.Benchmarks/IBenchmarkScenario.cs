namespace Dashboard.Benchmarks;

/// <summary>One benchmark, run by name: <c>Dashboard.Benchmarks &lt;name&gt; [options]</c>. Add a class per scenario.</summary>
public interface IBenchmarkScenario
{
    string Name { get; }

    /// <summary>The options after the name, shown in the help.</summary>
    string Usage { get; }

    /// <returns>The process exit code.</returns>
    Task<int> RunAsync(BenchmarkArguments args, CancellationToken ct);
}
