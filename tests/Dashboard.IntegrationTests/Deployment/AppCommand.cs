using System.Diagnostics;
using System.Reflection;

namespace Dashboard.IntegrationTests.Deployment;

/// <summary>One run of a documented <c>dotnet run --project src/Dashboard.Web ...</c> command line, to completion.</summary>
internal sealed record AppCommandResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}{Output}{Environment.NewLine}{Error}";
}

internal static class AppCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Runs <paramref name="commandLine"/> (as the README writes it, split on spaces) from the repository root with
    /// <c>--no-build</c> added (the build next to the tests is used, in its configuration), in a clean environment:
    /// no inherited ASP.NET Core environment or URLs, and the extra <paramref name="environment"/> variables.
    /// </summary>
    public static async Task<AppCommandResult> RunAsync(string commandLine, IReadOnlyDictionary<string, string> environment)
    {
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words[0] != "dotnet" || words[1] != "run")
        {
            throw new ArgumentException($"Not a 'dotnet run' command: {commandLine}", nameof(commandLine));
        }
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add("--no-build");
        start.ArgumentList.Add("--configuration");
        start.ArgumentList.Add(BuildConfiguration());
        foreach (var word in words[2..])
        {
            start.ArgumentList.Add(word);
        }
        foreach (var inherited in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS" })
        {
            start.Environment.Remove(inherited);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{commandLine}' did not finish within {Timeout.TotalMinutes} minutes.");
        }
        return new AppCommandResult(process.ExitCode, await output, await error);
    }

    private static string BuildConfiguration() =>
        typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}
