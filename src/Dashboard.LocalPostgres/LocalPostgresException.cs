namespace Dashboard.LocalPostgres;

/// <summary>The embedded PostgreSQL could not be prepared, started or stopped; the message says why and what to do.</summary>
public class LocalPostgresException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No usable PostgreSQL server binaries were found, or the configured folder does not hold them.</summary>
public sealed class PostgresBinariesNotFoundException(string message) : LocalPostgresException(message)
{
    public const string Advice =
        "Install the PostgreSQL server (Debian/Ubuntu: apt-get install postgresql) or set ConnectionStrings__Dashboard " +
        "to an existing server, or Dashboard__PostgresBin to the folder holding pg_ctl.";
}
