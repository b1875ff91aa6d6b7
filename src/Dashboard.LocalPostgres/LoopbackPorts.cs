using System.Net;
using System.Net.Sockets;

namespace Dashboard.LocalPostgres;

internal static class LoopbackPorts
{
    /// <summary>A port the OS considers free right now (bound to port 0, then released). Another process may
    /// take it before PostgreSQL binds it, so the caller retries on a collision.</summary>
    public static int PickFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
