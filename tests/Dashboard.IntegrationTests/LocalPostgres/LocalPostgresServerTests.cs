using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dashboard.LocalPostgres;
using Npgsql;

namespace Dashboard.IntegrationTests.LocalPostgres;

[Collection(LocalPostgresCollection.Name)]
public sealed class LocalPostgresServerTests
{
    [Fact]
    public async Task StartAsync_OnEmptyFolder_CreatesClusterAndDatabaseOnLoopback()
    {
        await using var folder = new ClusterFolder();

        await using var server = await folder.StartAsync();

        (await ClusterFolder.QueryAsync<string>(server, "SELECT current_database()")).ShouldBe("app");
        (await ClusterFolder.QueryAsync<string>(server, "SHOW listen_addresses")).ShouldBe("127.0.0.1");
        (await ClusterFolder.QueryAsync<string>(server, "SHOW max_connections")).ShouldBe("200");
        (await ClusterFolder.QueryAsync<string>(server, "SHOW server_encoding")).ShouldBe("UTF8");
        (await ClusterFolder.QueryAsync<string>(server, "SHOW fsync")).ShouldBe("on");
    }

    [Fact]
    public async Task DisposeAsync_StopsTheServer_AndIsIdempotent()
    {
        await using var folder = new ClusterFolder();
        var server = await folder.StartAsync();
        var pid = PostmasterPid.Read(folder.PostmasterPidFile);
        pid.ShouldNotBeNull();

        await server.DisposeAsync();
        await server.DisposeAsync();

        File.Exists(folder.PostmasterPidFile).ShouldBeFalse();
        RunningProcesses.IsPostgres(pid.Value).ShouldBeFalse();
        await Should.ThrowAsync<NpgsqlException>(() => ClusterFolder.QueryAsync<int>(server, "SELECT 1"));
    }

    [Fact]
    public async Task StartAsync_SecondTimeOnSameFolder_KeepsTheData()
    {
        await using var folder = new ClusterFolder();
        await using (var first = await folder.StartAsync())
        {
            await ClusterFolder.ExecuteAsync(first, "CREATE TABLE kept(v int); INSERT INTO kept VALUES (42)");
        }

        await using var second = await folder.StartAsync();

        (await ClusterFolder.QueryAsync<int>(second, "SELECT v FROM kept")).ShouldBe(42);
    }

    [Fact]
    public async Task StartAsync_WhenEphemeral_TurnsFsyncOffAndDeletesTheFolderOnStop()
    {
        await using var folder = new ClusterFolder();
        var server = await folder.StartAsync(folder.Options() with { Ephemeral = true });

        (await ClusterFolder.QueryAsync<string>(server, "SHOW fsync")).ShouldBe("off");
        await server.DisposeAsync();

        Directory.Exists(folder.DataDirectory).ShouldBeFalse();
    }

    [Theory]
    [InlineData("dead process")]
    [InlineData("live process that is not postgres")]
    public async Task StartAsync_WithStalePostmasterPid_StartsAnyway(string holder)
    {
        await using var folder = new ClusterFolder();
        await (await folder.StartAsync()).DisposeAsync();
        var pid = holder == "dead process" ? ClusterFolder.DeadProcessId() : Environment.ProcessId;
        // What a crashed server leaves: its pid first, then its data folder and port.
        await File.WriteAllTextAsync(folder.PostmasterPidFile,
            string.Create(CultureInfo.InvariantCulture, $"{pid}\n{folder.DataDirectory}\n1700000000\n5432\n\n127.0.0.1\n  5432001  1\nready   \n"));

        await using var server = await folder.StartAsync();

        (await ClusterFolder.QueryAsync<int>(server, "SELECT 1")).ShouldBe(1);
    }

    [Fact]
    public async Task StartAsync_WhenServerWasLeftBehindByCrashedOwner_StopsItAndStartsAfresh()
    {
        await using var folder = new ClusterFolder();
        await (await folder.StartAsync()).DisposeAsync();
        var leftover = await StartBehindTheRunnersBackAsync(folder);
        new ClusterOwner(ClusterFolder.DeadProcessId(), DateTimeOffset.UtcNow.AddMinutes(-5)).Write(folder.DataDirectory + ".owner");

        await using var server = await folder.StartAsync();

        RunningProcesses.IsPostgres(leftover).ShouldBeFalse();
        PostmasterPid.Read(folder.PostmasterPidFile).ShouldNotBe(leftover);
        (await ClusterFolder.QueryAsync<int>(server, "SELECT 1")).ShouldBe(1);
    }

    [Fact]
    public async Task StartAsync_WhenFolderIsInUseByLiveOwner_RefusesNamingTheOwner()
    {
        await using var folder = new ClusterFolder();
        await using var running = await folder.StartAsync();

        var ex = await Should.ThrowAsync<LocalPostgresException>(() => folder.StartAsync());

        ex.Message.ShouldContain($"in use by process {Environment.ProcessId}");
        (await ClusterFolder.QueryAsync<int>(running, "SELECT 1")).ShouldBe(1);
    }

    [Fact]
    public async Task StartAsync_WhenPreferredPortIsTaken_ListensOnAnotherPort()
    {
        await using var folder = new ClusterFolder();
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var taken = ((IPEndPoint)occupant.LocalEndpoint).Port;

        await using var server = await folder.StartAsync(folder.Options(port: taken));

        server.Port.ShouldNotBe(taken);
        (await ClusterFolder.QueryAsync<int>(server, "SELECT 1")).ShouldBe(1);
    }

    [Fact]
    public async Task StartAsync_WhenPreferredPortIsFree_ListensOnIt()
    {
        await using var folder = new ClusterFolder();
        var free = LoopbackPorts.PickFree();

        await using var server = await folder.StartAsync(folder.Options(port: free));

        server.Port.ShouldBe(free);
    }

    [Fact]
    public async Task StartAsync_AsRoot_WhenAParentFolderIsClosedToPostgres_FailsNamingIt()
    {
        await using var folder = new ClusterFolder();
        var closed = Path.Combine(folder.Root, "closed");
        Directory.CreateDirectory(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = folder.Options() with { DataDirectory = Path.Combine(closed, "inner", "pgdata") };

        if (UnixUser.IsRoot)
        {
            var ex = await Should.ThrowAsync<LocalPostgresException>(() => folder.StartAsync(options));
            ex.Message.ShouldContain($"cannot enter '{closed}'");
        }
        else
        {
            // A normal user runs the server as itself, and owns the folder: nothing is in the way.
            await using var server = await folder.StartAsync(options);
            (await ClusterFolder.QueryAsync<int>(server, "SELECT 1")).ShouldBe(1);
        }
    }

    /// <summary>A server on the folder that the runner did not start: what a crashed owner leaves running.</summary>
    private static async Task<int> StartBehindTheRunnersBackAsync(ClusterFolder folder)
    {
        var port = LoopbackPorts.PickFree();
        await new CommandRunner(UnixUser.IsRoot).RunCheckedAsync(PostgresBinaries.Locate(null).PgCtl,
            ["start", "-w", "-D", folder.DataDirectory, "-l", folder.DataDirectory + ".log",
             "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"],
            TimeSpan.FromSeconds(60), default);
        var pid = PostmasterPid.Read(folder.PostmasterPidFile);
        pid.ShouldNotBeNull();
        RunningProcesses.IsPostgres(pid.Value).ShouldBeTrue();
        return pid.Value;
    }
}
