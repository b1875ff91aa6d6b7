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
        // Build output kept outside the repository (DASHBOARD_ARTIFACTS): the project recorded where it was built from.
        var recorded = typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "Dashboard.sln")))
        {
            return recorded;
        }
        throw new InvalidOperationException($"No Dashboard.sln above {AppContext.BaseDirectory}.");
    }
}
