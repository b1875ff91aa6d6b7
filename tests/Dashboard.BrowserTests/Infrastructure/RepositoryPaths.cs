namespace Dashboard.BrowserTests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The folder holding Dashboard.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");

    private static string FindRoot() =>
        Above(AppContext.BaseDirectory)
        // Build output may live outside the repository (DASHBOARD_ARTIFACTS): then start from this source file.
        ?? Above(SourceFolder())
        ?? throw new InvalidOperationException($"No Dashboard.sln above {AppContext.BaseDirectory} or {SourceFolder()}.");

    private static string? Above(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? "";
}
