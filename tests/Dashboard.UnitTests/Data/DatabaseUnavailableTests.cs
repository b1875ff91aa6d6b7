using System.Net.Sockets;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.Access.Runtime;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.UnitTests.Data;

/// <summary>Which failures mean "PostgreSQL is out of reach" (a 503, a retry later) and which do not (a 500 or a 4xx).</summary>
public sealed class DatabaseUnavailableTests
{
    public static TheoryData<string, Exception> Unavailable() => new()
    {
        { "refused connection", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)) },
        { "connect timeout", new NpgsqlException("The operation has timed out", new TimeoutException()) },
        { "broken session", new NpgsqlException("Exception while reading from stream", new EndOfStreamException()) },
        { "server shutting down", Postgres(PostgresErrorCodes.AdminShutdown) },
        { "server starting up", Postgres(PostgresErrorCodes.CannotConnectNow) },
        { "server crashed", Postgres(PostgresErrorCodes.CrashShutdown) },
        { "no connection slot", Postgres(PostgresErrorCodes.TooManyConnections) },
        { "connection failure", Postgres(PostgresErrorCodes.ConnectionFailure) },
        { "save failed on a dropped session", new DbUpdateException("save failed", new NpgsqlException("stream", new IOException())) },
        { "decision path", new AccessUnavailableException(new NpgsqlException("down")) },
        { "several at once", new AggregateException(new InvalidOperationException("x"), new NpgsqlException("down")) },
    };

    public static TheoryData<string, Exception> Other() => new()
    {
        { "unique violation", new DbUpdateException("save failed", Postgres(PostgresErrorCodes.UniqueViolation)) },
        { "serialization failure", Postgres(PostgresErrorCodes.SerializationFailure) },
        { "bug", new InvalidOperationException("bug", new ArgumentException("x")) },
        // Committed, only not confirmed everywhere yet: the endpoints answer it themselves, it is not an outage.
        { "propagation timeout", new PropagationTimeoutException(3, new PropagationProof(1, 2, 0, 2000)) },
        { "a timeout of our own", new TimeoutException("something else") },
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void Is_ForAFailureToReachPostgres_IsTrue(string what, Exception exception) =>
        DatabaseUnavailable.Is(exception).ShouldBeTrue(what);

    [Theory]
    [MemberData(nameof(Other))]
    public void Is_ForAnyOtherFailure_IsFalse(string what, Exception exception) =>
        DatabaseUnavailable.Is(exception).ShouldBeFalse(what);

    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);
}
