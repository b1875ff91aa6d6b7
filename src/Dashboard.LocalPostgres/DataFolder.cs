namespace Dashboard.LocalPostgres;

/// <summary>
/// The files of one cluster: the data folder itself, and beside it (in its parent) the server log, the owner
/// file and the password file. Kept out of the data folder so PostgreSQL's own files are the only ones in it.
/// </summary>
internal sealed class DataFolder(string dataDirectory)
{
    public string Path { get; } = System.IO.Path.GetFullPath(dataDirectory);

    public string Parent => System.IO.Path.GetDirectoryName(Path)
        ?? throw new LocalPostgresException($"The data folder '{Path}' must not be a file system root.");

    public string LogFile => System.IO.Path.Combine(Parent, System.IO.Path.GetFileName(Path) + ".log");
    public string OwnerFile => System.IO.Path.Combine(Parent, System.IO.Path.GetFileName(Path) + ".owner");

    /// <summary>The superuser's password (see <see cref="ClusterPassword"/>).</summary>
    public string PasswordFile => System.IO.Path.Combine(Parent, System.IO.Path.GetFileName(Path) + ".password");

    public string HbaFile => System.IO.Path.Combine(Path, "pg_hba.conf");
    public string PostmasterPidFile => System.IO.Path.Combine(Path, "postmaster.pid");
    public string VersionFile => System.IO.Path.Combine(Path, "PG_VERSION");

    public bool IsInitialized => File.Exists(VersionFile);

    /// <summary>Major version that created the cluster, from PG_VERSION.</summary>
    public int? ClusterMajorVersion =>
        IsInitialized && int.TryParse(File.ReadAllText(VersionFile).Trim(), out var v) ? v : null;

    /// <summary>Creates the data folder and any missing parents; returns the folders it created, outermost first.</summary>
    public IReadOnlyList<string> Create()
    {
        var created = new List<string>();
        for (var dir = Path; !Directory.Exists(dir); dir = System.IO.Path.GetDirectoryName(dir)!)
        {
            created.Insert(0, dir);
        }
        Directory.CreateDirectory(Path);
        return created;
    }

    /// <summary>Every folder above the data folder, root first: each must be traversable by the server's user.</summary>
    public IEnumerable<string> Ancestors()
    {
        var chain = new List<string>();
        for (var dir = System.IO.Path.GetDirectoryName(Path); dir is not null; dir = System.IO.Path.GetDirectoryName(dir))
        {
            chain.Insert(0, dir);
        }
        return chain;
    }

    /// <summary>The part of the log written since <paramref name="offset"/> (the server appends to one file across runs).</summary>
    public string ReadLogSince(long offset)
    {
        if (!File.Exists(LogFile))
        {
            return "";
        }
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public long LogLength => File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;
}
