using System.Text.Json;

namespace Dashboard.IntegrationTests.Deployment;

/// <summary>The web project's launch profiles (<c>Properties/launchSettings.json</c>), which <c>dotnet run</c> applies.</summary>
internal static class LaunchProfiles
{
    public const string Development = "Development";
    public const string Production = "Production";

    public static IReadOnlyList<string> Names() =>
        Profiles().EnumerateObject().Select(p => p.Name).ToList();

    /// <summary>The environment variables <c>dotnet run --launch-profile <paramref name="name"/></c> sets.</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentOf(string name) =>
        Profiles().GetProperty(name).TryGetProperty("environmentVariables", out var variables)
            ? variables.EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetString() ?? "")
            : new Dictionary<string, string>();

    private static JsonElement Profiles() =>
        JsonDocument.Parse(RepositoryFiles.Read("src/Dashboard.Web/Properties/launchSettings.json")).RootElement
            .GetProperty("profiles").Clone();
}
