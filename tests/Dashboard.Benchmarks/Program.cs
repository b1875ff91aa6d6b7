using Dashboard.Benchmarks;
using Dashboard.Benchmarks.Scenarios;

// dotnet run -c Release --project tests/Dashboard.Benchmarks -- <scenario> [options]
IBenchmarkScenario[] scenarios =
[
    new SeedScenario(), new DecisionsScenario(), new PropagationScenario(), new FireScenario(), new PreviewScenario(), new AllScenario(), new SearchScenario(),
    new ScaleScenario(), new CircuitsScenario(),
];

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("Usage: Dashboard.Benchmarks <scenario> [options]");
    foreach (var scenario in scenarios)
    {
        Console.WriteLine($"  {scenario.Name,-12} {scenario.Usage}");
    }
    return args.Length == 0 ? 2 : 0;
}

var chosen = scenarios.FirstOrDefault(s => s.Name == args[0]);
if (chosen is null)
{
    Console.Error.WriteLine($"Unknown scenario '{args[0]}'. Known: {string.Join(", ", scenarios.Select(s => s.Name))}.");
    return 2;
}

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupt.Cancel();
};
try
{
    return await chosen.RunAsync(new BenchmarkArguments(args[1..]), interrupt.Token);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{chosen.Name}: {e.Message}");
    Console.Error.WriteLine($"Usage: {chosen.Name} {chosen.Usage}");
    return 2;
}
