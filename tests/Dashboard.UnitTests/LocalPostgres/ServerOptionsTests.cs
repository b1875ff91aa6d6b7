using Dashboard.LocalPostgres;

namespace Dashboard.UnitTests.LocalPostgres;

public sealed class ServerOptionsTests
{
    private static LocalPostgresOptions Options(bool ephemeral) => new() { DataDirectory = "/tmp/x", Ephemeral = ephemeral };

    [Fact]
    public void ServerOptions_ListenOnLoopbackOnlyWithoutUnixSocket()
    {
        var text = LocalPostgresServer.ServerOptions(5433, Options(ephemeral: false));

        text.ShouldContain("-p 5433");
        text.ShouldContain("listen_addresses=127.0.0.1");
        text.ShouldContain("unix_socket_directories=''");
        text.ShouldContain("max_connections=200");
    }

    [Fact]
    public void ServerOptions_WhenEphemeral_TurnsDurabilityOff()
    {
        var text = LocalPostgresServer.ServerOptions(5433, Options(ephemeral: true));

        text.ShouldContain("fsync=off");
        text.ShouldContain("synchronous_commit=off");
        text.ShouldContain("full_page_writes=off");
    }

    [Fact]
    public void ServerOptions_WhenNotEphemeral_KeepsDurability() =>
        LocalPostgresServer.ServerOptions(5433, Options(ephemeral: false)).ShouldNotContain("fsync");

    [Theory]
    [InlineData("LOG:  could not bind IPv4 address \"127.0.0.1\": Address already in use", true)]
    [InlineData("FATAL:  could not create any TCP/IP sockets", true)]
    [InlineData("FATAL:  data directory has invalid permissions", false)]
    public void IsPortCollision_RecognisesBindFailures(string log, bool expected) =>
        LocalPostgresServer.IsPortCollision(log).ShouldBe(expected);

    [Fact]
    public void QuoteIdentifier_DoublesEmbeddedQuotes() =>
        LocalPostgresServer.QuoteIdentifier("a\"b").ShouldBe("\"a\"\"b\"");

    [Fact]
    public void DefaultDataDirectory_IsAbsoluteAndNamedAfterTheApp()
    {
        var dir = LocalPostgresServer.DefaultDataDirectory("fleet-dashboard");

        Path.IsPathRooted(dir).ShouldBeTrue();
        Path.GetFileName(dir).ShouldBe("fleet-dashboard");
    }
}
