using Dashboard.Core.Access.Runtime;
using Npgsql;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Closes the idle pooled connections: EF Core's (and every other connection-string pool) and the decision path's own
/// data source. A PostgreSQL restart ends every session, but a pool only learns it when it hands a dead connection
/// out, so without this each idle connection would fail one more request after PostgreSQL is back. Called wherever a
/// <see cref="Dashboard.Core.Data.DatabaseUnavailable"/> failure is caught.
/// </summary>
public sealed class PooledConnections(IServiceProvider services)
{
    public void Forget()
    {
        NpgsqlConnection.ClearAllPools();
        // Only where the decision path runs (not in the one-off commands).
        services.GetService<AccessDatabase>()?.Pool.Clear();
    }
}
