using System.Text.RegularExpressions;

namespace Dashboard.IntegrationTests.Deployment;

/// <summary>No Docker engine runs where these tests run: the Dockerfile is checked against the repository.</summary>
public sealed partial class DockerfileTests
{
    private static readonly string[] Lines = RepositoryFiles.Read("Dockerfile").Split('\n').Select(l => l.Trim()).ToArray();

    [Fact]
    public void Dockerfile_BuildsWithTheSdkAndRunsOnTheAspNetRuntime()
    {
        var stages = Lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        stages.Count.ShouldBe(2);
        stages[0].ShouldStartWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build");
        stages[1].ShouldStartWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0");
        Lines.ShouldContain("ENTRYPOINT [\"dotnet\", \"Dashboard.Web.dll\"]");
        Lines.ShouldContain(l => l.StartsWith("USER ", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_CopiesOnlyPathsThatExist()
    {
        var sources = Lines
            .Select(l => CopyFromContext().Match(l))
            .Where(m => m.Success)
            .SelectMany(m => m.Groups["sources"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();

        sources.ShouldNotBeEmpty();
        sources.ShouldAllBe(s => File.Exists(RepositoryFiles.PathOf(s)) || Directory.Exists(RepositoryFiles.PathOf(s)));
    }

    [Fact]
    public void Dockerfile_CopiesEveryProjectTheWebAppReferences()
    {
        var projects = Directory.GetFiles(RepositoryFiles.PathOf("src"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(RepositoryFiles.PathOf("migrations"), "*.csproj", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(RepositoryFiles.Root, p).Replace('\\', '/'));

        projects.ShouldAllBe(p => Lines.Any(l => l.StartsWith("COPY " + p + " ", StringComparison.Ordinal)));
    }

    [Fact]
    public void DockerIgnore_KeepsTheSourcesInTheBuildContext()
    {
        var ignored = RepositoryFiles.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToList();

        ignored.ShouldNotContain("src");
        ignored.ShouldNotContain("migrations");
        ignored.ShouldNotContain("Directory.Packages.props");
        ignored.ShouldContain("**/bin");
        ignored.ShouldContain("**/obj");
    }

    /// <summary><c>COPY a b dest/</c> without <c>--from</c>: everything but the last word comes from the build context.</summary>
    [GeneratedRegex(@"^COPY (?!--)(?<sources>.+) \S+$")]
    private static partial Regex CopyFromContext();
}
