using Dashboard.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Dashboard.IntegrationTests.Api;

/// <summary>The served document passes a standard linter's recommended rules (docs/decisions/0027).</summary>
public sealed class OpenApiLintTests(DashboardAppFactory app, ITestOutputHelper output) : IClassFixture<DashboardAppFactory>
{
    [OpenApiLintFact]
    public async Task Document_PassesRedoclyRecommendedRules_WithoutAnError()
    {
        using var client = app.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json");

        var problems = await OpenApiLint.RunAsync(document);

        foreach (var warning in problems.Where(p => p.Severity != "error"))
        {
            output.WriteLine(warning.ToString());
        }
        problems.Where(p => p.Severity == "error").ShouldBeEmpty(string.Join('\n', problems));
    }

    /// <summary>The linter is not taken on trust: it finds the error the document once had.</summary>
    [OpenApiLintFact]
    public async Task Linter_ReportsAServerUrlWithATrailingSlash()
    {
        const string document = """
            {"openapi":"3.1.1","info":{"title":"t","version":"1","description":"d","license":{"name":"Proprietary"}},
             "servers":[{"url":"http://localhost/"}],"paths":{}}
            """;

        var problems = await OpenApiLint.RunAsync(document);

        problems.ShouldContain(p => p.Rule == "no-server-trailing-slash" && p.Severity == "error", string.Join('\n', problems));
    }
}
