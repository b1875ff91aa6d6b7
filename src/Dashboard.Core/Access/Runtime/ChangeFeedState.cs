namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// Whether this instance hears every decision change: connected, listening, and resynchronized since it (re)connected.
/// Each connection is a new session, so a resync started for a lost connection cannot mark a later one healthy.
/// </summary>
public sealed class ChangeFeedState(LocalLease lease)
{
    private readonly Lock _gate = new();
    private long _session;
    private bool _healthy;
    private int? _backendPid;

    public bool IsHealthy
    {
        get
        {
            lock (_gate)
            {
                return _healthy;
            }
        }
    }

    public long Session
    {
        get
        {
            lock (_gate)
            {
                return _session;
            }
        }
    }

    /// <summary>The server process of the LISTEN connection, while connected (pg_stat_activity.pid).</summary>
    public int? BackendPid
    {
        get
        {
            lock (_gate)
            {
                return _backendPid;
            }
        }
    }

    public bool IsHealthyIn(long session)
    {
        lock (_gate)
        {
            return _healthy && _session == session;
        }
    }

    /// <summary>LISTEN is established; the feed is healthy once the resync for the returned session is done.</summary>
    public long Connected(int backendPid)
    {
        lock (_gate)
        {
            _session++;
            _healthy = false;
            _backendPid = backendPid;
            return _session;
        }
    }

    /// <summary>Raised when the feed turns healthy, so the lease can be taken without waiting for the next beat.</summary>
    public event Action? BecameHealthy;

    public void Synced(long session)
    {
        lock (_gate)
        {
            if (session != _session || _backendPid is null || _healthy)
            {
                return;
            }
            _healthy = true;
        }
        BecameHealthy?.Invoke();
    }

    /// <summary>Notifications may be missed from now on: stop answering from memory at once.</summary>
    public void Lost()
    {
        lock (_gate)
        {
            _session++;
            _healthy = false;
            _backendPid = null;
        }
        lease.Revoke();
    }
}
