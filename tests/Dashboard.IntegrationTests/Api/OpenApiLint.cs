using System.Diagnostics;
using System.Text.Json.Nodes;
using Dashboard.IntegrationTests.Deployment;

namespace Dashboard.IntegrationTests.Api;

/// <summary>
/// Redocly CLI, installed from <c>tools/openapi-lint</c>'s pinned package.json (<c>npm ci --prefix
/// tools/openapi-lint</c>; <c>.ci/run</c> does it), run on a document with its <c>recommended</c> rules.
/// </summary>
internal static class OpenApiLint
{
    public const string RequireVariable = "DASHBOARD_REQUIRE_OPENAPI_LINT";

    public static string ExecutablePath { get; } =
        RepositoryFiles.PathOf(Path.Combine("tools", "openapi-lint", "node_modules", ".bin", "redocly"));

    public static string? SkipReason =>
        File.Exists(ExecutablePath) || Environment.GetEnvironmentVariable(RequireVariable) == "1"
            ? null
            : $"{ExecutablePath} not found (npm ci --prefix tools/openapi-lint); set {RequireVariable}=1 to fail instead of skipping.";

    /// <summary>Each problem the linter reports: severity (<c>error</c>, <c>warn</c>), rule, message and where.</summary>
    public static async Task<IReadOnlyList<LintProblem>> RunAsync(string documentJson)
    {
        File.Exists(ExecutablePath).ShouldBeTrue($"{ExecutablePath} is missing: npm ci --prefix tools/openapi-lint");
        var file = Path.Combine(Path.GetTempPath(), $"dashboard-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, documentJson);
        try
        {
            var start = new ProcessStartInfo(ExecutablePath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
            };
            foreach (var argument in new[] { "lint", "--extends=recommended", "--format=json", "--max-problems=1000", file })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var report = (await output).Trim();
            report.ShouldStartWith("{", customMessage: $"redocly wrote no JSON report (exit {process.ExitCode}): {await errors}");
            return (JsonNode.Parse(report)!["problems"]?.AsArray() ?? [])
                .Select(p => new LintProblem(
                    p!["severity"]!.GetValue<string>(),
                    p["ruleId"]!.GetValue<string>(),
                    p["message"]!.GetValue<string>(),
                    p["location"]?.AsArray().FirstOrDefault()?["pointer"]?.GetValue<string>() ?? ""))
                .ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }
}

internal sealed record LintProblem(string Severity, string Rule, string Message, string Pointer)
{
    public override string ToString() => $"{Severity} {Rule} at {Pointer}: {Message}";
}

/// <summary>A fact that needs the OpenAPI linter: skipped when it is not installed, unless CI requires it.</summary>
public sealed class OpenApiLintFactAttribute : FactAttribute
{
    public OpenApiLintFactAttribute()
    {
        if (OpenApiLint.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
