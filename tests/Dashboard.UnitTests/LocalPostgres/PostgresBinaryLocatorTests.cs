using Dashboard.LocalPostgres;

namespace Dashboard.UnitTests.LocalPostgres;

public sealed class PostgresBinaryLocatorTests : IDisposable
{
    private readonly FakeFileSystem _fs = new();

    public void Dispose() => _fs.Dispose();

    private PostgresBinaries Locate(string? configured = null, string? environment = null, string? path = null) =>
        new PostgresBinaryLocator(configured, environment, path, _fs.Root).Locate();

    [Fact]
    public void Locate_WhenConfiguredFolderHoldsPrograms_UsesItBeforeEverythingElse()
    {
        var configured = _fs.BinFolder("custom/bin");
        var fromEnvironment = _fs.BinFolder("env/bin");
        _fs.BinFolder("usr/lib/postgresql/16/bin");

        Locate(configured, fromEnvironment).BinDirectory.ShouldBe(configured);
    }

    [Fact]
    public void Locate_WhenConfiguredFolderLacksPrograms_ThrowsNamingFolderAndMissingPrograms()
    {
        var configured = _fs.BinFolder("custom/bin", "pg_ctl");
        _fs.BinFolder("usr/lib/postgresql/16/bin");

        var ex = Should.Throw<PostgresBinariesNotFoundException>(() => Locate(configured));

        ex.Message.ShouldContain(configured);
        ex.Message.ShouldContain("Dashboard__PostgresBin");
        ex.Message.ShouldContain("initdb, postgres");
    }

    [Fact]
    public void Locate_WhenOnlyEnvironmentVariableIsSet_UsesIt()
    {
        var fromEnvironment = _fs.BinFolder("env/bin");
        _fs.BinFolder("usr/lib/postgresql/16/bin");

        Locate(environment: fromEnvironment).BinDirectory.ShouldBe(fromEnvironment);
    }

    [Fact]
    public void Locate_WhenEnvironmentFolderLacksPrograms_ThrowsNamingTheVariable()
    {
        var empty = _fs.BinFolder("env/bin", "initdb");

        var ex = Should.Throw<PostgresBinariesNotFoundException>(() => Locate(environment: empty));

        ex.Message.ShouldContain(PostgresBinaries.EnvironmentVariable);
        ex.Message.ShouldContain(empty);
    }

    [Fact]
    public void Locate_WhenPathFolderHoldsAllPrograms_UsesIt()
    {
        var onPath = _fs.BinFolder("opt/pg/bin");
        _fs.BinFolder("usr/lib/postgresql/16/bin");

        Locate(path: _fs.Path("nowhere") + ":" + onPath).BinDirectory.ShouldBe(onPath);
    }

    [Fact]
    public void Locate_WhenPgCtlOnPathIsSymlink_UsesTheFolderItPointsTo()
    {
        var real = _fs.BinFolder("real/15/bin");
        _fs.Symlink("usr/local/bin/pg_ctl", Path.Combine(real, "pg_ctl"));
        _fs.Symlink("usr/local/bin/initdb", Path.Combine(real, "initdb"));

        Locate(path: _fs.Path("usr/local/bin")).BinDirectory.ShouldBe(real);
    }

    [Fact]
    public void Locate_WhenPgCtlOnPathIsAWrapperScript_FallsBackToVersionedFolders()
    {
        // Debian's /usr/bin/pg_ctl is a wrapper beside which no initdb or postgres lives.
        _fs.BinFolder("usr/bin", "pg_ctl");
        var versioned = _fs.BinFolder("usr/lib/postgresql/15/bin");

        Locate(path: _fs.Path("usr/bin")).BinDirectory.ShouldBe(versioned);
    }

    [Fact]
    public void Locate_WithSeveralInstalledVersions_PrefersTheNewestNumerically()
    {
        _fs.BinFolder("usr/lib/postgresql/9.6/bin");
        var newest = _fs.BinFolder("usr/lib/postgresql/16/bin");
        _fs.BinFolder("usr/lib/postgresql/13/bin");

        Locate().BinDirectory.ShouldBe(newest);
    }

    [Fact]
    public void Locate_WhenNewestVersionFolderIsIncomplete_SkipsIt()
    {
        _fs.BinFolder("usr/lib/postgresql/17/bin", "pg_ctl");
        var complete = _fs.BinFolder("usr/lib/postgresql/15/bin");

        Locate().BinDirectory.ShouldBe(complete);
    }

    [Fact]
    public void Locate_WithSourceBuildFolder_UsesUsrLocalPgsql()
    {
        var source = _fs.BinFolder("usr/local/pgsql/bin");

        Locate().BinDirectory.ShouldBe(source);
    }

    [Theory]
    [InlineData("opt/homebrew/opt")]
    [InlineData("usr/local/opt")]
    public void Locate_WithHomebrewInstalls_PrefersTheNewestVersionedFormula(string brewOpt)
    {
        _fs.BinFolder($"{brewOpt}/postgresql/bin");
        _fs.BinFolder($"{brewOpt}/postgresql@14/bin");
        var newest = _fs.BinFolder($"{brewOpt}/postgresql@16/bin");

        Locate().BinDirectory.ShouldBe(newest);
    }

    [Fact]
    public void Locate_WhenNothingIsFound_ThrowsSayingWhatToInstallOrSet()
    {
        _fs.BinFolder("usr/bin", "pg_ctl");

        var ex = Should.Throw<PostgresBinariesNotFoundException>(() => Locate(path: _fs.Path("usr/bin")));

        ex.Message.ShouldContain("apt-get install postgresql");
        ex.Message.ShouldContain("ConnectionStrings__Dashboard");
        ex.Message.ShouldContain("Dashboard__PostgresBin");
        ex.Message.ShouldContain(_fs.Path("usr/local/pgsql/bin"));
    }

    [Theory]
    [InlineData("16", 16, 0)]
    [InlineData("9.6", 9, 6)]
    [InlineData("", 0, 0)]
    [InlineData("beta", 0, 0)]
    public void ParseVersion_ReadsMajorAndMinorOrZero(string text, int major, int minor) =>
        PostgresBinaryLocator.ParseVersion(text).ShouldBe(new Version(major, minor));
}
