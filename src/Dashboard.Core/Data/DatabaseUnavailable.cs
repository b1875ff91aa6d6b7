using Dashboard.Core.Access.Runtime;
using Npgsql;

namespace Dashboard.Core.Data;

/// <summary>
/// Tells "PostgreSQL cannot be reached right now" (stopped, restarting, refusing connections, a broken session) from
/// every other failure. Such an error says nothing about the request, so it is answered as 503 "try again shortly",
/// never as a 500, and a page shows a readable message instead of failing; once PostgreSQL is back the next request
/// works, as the connection pool opens new sessions by itself.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>What a 503 asks clients to wait: about as long as a PostgreSQL restart takes.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The sentence users read (error page, sign-in form, notifications).</summary>
    public const string Message = "The database is unavailable right now, so nothing could be read or saved. Try again shortly.";

    /// <summary>True when <paramref name="exception"/> or anything it wraps is a failure to reach PostgreSQL.</summary>
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // The decision path's own verdict: it could not decide safely.
                case AccessUnavailableException:
                    return true;
                case PostgresException postgres:
                    return IsUnavailableState(postgres.SqlState);
                // Not an error the server sent: the connection could not be opened, broke, or timed out.
                case NpgsqlException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(Is):
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Class 08 (connection exception), 57P01-57P03 (the server is shutting down, crashed, or still starting) and 53300
    /// (no connection slot left): the server is there but cannot serve this session. Everything else the server
    /// answers (constraint violations, serialization failures, ...) is about the request, not the server's state.
    /// </summary>
    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections;
}
