namespace Dashboard.UnitTests.LocalPostgres;

/// <summary>A temporary folder standing in for the file system root, with fake (empty) PostgreSQL programs.</summary>
internal sealed class FakeFileSystem : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("pg-locator-").FullName;

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>Creates <paramref name="relativeFolder"/> holding the named programs (all three by default).</summary>
    public string BinFolder(string relativeFolder, params string[] programs)
    {
        var folder = Path(relativeFolder);
        Directory.CreateDirectory(folder);
        foreach (var program in programs.Length == 0 ? ["initdb", "pg_ctl", "postgres"] : programs)
        {
            File.WriteAllText(System.IO.Path.Combine(folder, program), "");
        }
        return folder;
    }

    public string Symlink(string relativeLink, string target)
    {
        var link = Path(relativeLink);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, target);
        return link;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
