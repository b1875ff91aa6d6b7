using Dashboard.LocalPostgres;
using Npgsql;

namespace Dashboard.IntegrationTests.LocalPostgres;

/// <summary>The embedded cluster lets no one in without its generated password (docs/decisions/0026).</summary>
[Collection(LocalPostgresCollection.Name)]
public sealed class LocalPostgresPasswordTests
{
    private static readonly UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task StartAsync_OnEmptyFolder_KeepsAGeneratedPasswordOwnerOnly_AndConnectsWithIt()
    {
        await using var folder = new ClusterFolder();

        await using var server = await folder.StartAsync();

        server.PasswordFile.ShouldBe(folder.DataDirectory + ".password");
        File.GetUnixFileMode(server.PasswordFile).ShouldBe(OwnerOnly);
        var password = (await File.ReadAllTextAsync(server.PasswordFile)).Trim();
        password.Length.ShouldBeGreaterThanOrEqualTo(40);
        new NpgsqlConnectionStringBuilder(server.ConnectionString("app")).Password.ShouldBe(password);
        (await ClusterFolder.QueryAsync<string>(server, "SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'"))
            .ShouldStartWith("SCRAM-SHA-256$");
        Directory.EnumerateFiles(folder.Root, "*.initdb", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task Connection_WithoutThePassword_IsRefused()
    {
        await using var folder = new ClusterFolder();
        await using var server = await folder.StartAsync();

        await ShouldRefuseAsync(server, password: null);
        await ShouldRefuseAsync(server, password: "not-the-password");
        (await ClusterFolder.QueryAsync<int>(server, "SELECT 1")).ShouldBe(1);
    }

    [Fact]
    public async Task StartAsync_SecondTime_UsesTheKeptPassword()
    {
        await using var folder = new ClusterFolder();
        await (await folder.StartAsync()).DisposeAsync();
        var kept = await File.ReadAllTextAsync(folder.DataDirectory + ".password");

        await using var server = await folder.StartAsync();

        (await File.ReadAllTextAsync(server.PasswordFile)).ShouldBe(kept);
        (await ClusterFolder.QueryAsync<int>(server, "SELECT 1")).ShouldBe(1);
    }

    [Fact]
    public async Task StartAsync_WhenThePasswordFileIsOpenToOthers_NarrowsItToTheOwner()
    {
        await using var folder = new ClusterFolder();
        await (await folder.StartAsync()).DisposeAsync();
        var passwordFile = folder.DataDirectory + ".password";
        File.SetUnixFileMode(passwordFile, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using var server = await folder.StartAsync();

        File.GetUnixFileMode(passwordFile).ShouldBe(OwnerOnly);
    }

    [Fact]
    public async Task StartAsync_WhenThePasswordFileIsGone_RefusesWithWhatToDo()
    {
        await using var folder = new ClusterFolder();
        await (await folder.StartAsync()).DisposeAsync();
        File.Delete(folder.DataDirectory + ".password");

        var ex = await Should.ThrowAsync<LocalPostgresException>(() => folder.StartAsync());

        ex.Message.ShouldContain("password file");
        ex.Message.ShouldContain("is missing");
        ex.Message.ShouldContain("pg_hba.conf");
    }

    /// <summary>
    /// A folder as earlier versions left it (pg_hba.conf trusting, a superuser without a password, no password file)
    /// starts, keeps its data, and from then on requires a password.
    /// </summary>
    [Fact]
    public async Task StartAsync_OnAClusterThatTrusts_SetsAPasswordAndKeepsTheData()
    {
        await using var folder = new ClusterFolder();
        await using (var first = await folder.StartAsync())
        {
            await ClusterFolder.ExecuteAsync(first, "CREATE TABLE kept(v int); INSERT INTO kept VALUES (42)");
            await ClusterFolder.ExecuteAsync(first, "ALTER ROLE postgres PASSWORD NULL", "postgres");
        }
        var hba = Path.Combine(folder.DataDirectory, "pg_hba.conf");
        await File.WriteAllTextAsync(hba, (await File.ReadAllTextAsync(hba)).Replace("scram-sha-256", "trust", StringComparison.Ordinal));
        File.Delete(folder.DataDirectory + ".password");

        await using var server = await folder.StartAsync();

        (await ClusterFolder.QueryAsync<int>(server, "SELECT v FROM kept")).ShouldBe(42);
        File.GetUnixFileMode(server.PasswordFile).ShouldBe(OwnerOnly);
        (await File.ReadAllLinesAsync(hba)).Where(l => !l.TrimStart().StartsWith('#')).ShouldAllBe(l => !l.Contains("trust"));
        await ShouldRefuseAsync(server, password: null);
        await ShouldRefuseAsync(server, password: "not-the-password");
    }

    private static async Task ShouldRefuseAsync(LocalPostgresServer server, string? password)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString("app"))
        {
            Password = password, Pooling = false,
        }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        var ex = await Should.ThrowAsync<NpgsqlException>(() => connection.OpenAsync());
        if (password is not null)
        {
            ex.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.InvalidPassword);
        }
        else
        {
            ex.Message.ShouldContain("password");
        }
    }
}
