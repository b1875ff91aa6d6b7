using System.Reflection;

namespace Dashboard.IntegrationTests.Deployment;

/// <summary>Files at the repository root, found from the test assembly's folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Dashboard.sln")))
            {
                return folder.FullName;
            }
        }
        // Build output outside the repository (DASHBOARD_ARTIFACTS): the folder the test project was built from.
        var built = typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        return built is not null && File.Exists(Path.Combine(built, "Dashboard.sln"))
            ? built
            : throw new InvalidOperationException($"No Dashboard.sln above {AppContext.BaseDirectory} nor at {built}.");
    }
}
