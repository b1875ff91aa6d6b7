namespace Dashboard.BrowserTests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The folder holding Dashboard.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Dashboard.sln above {AppContext.BaseDirectory}.");
    }
}
