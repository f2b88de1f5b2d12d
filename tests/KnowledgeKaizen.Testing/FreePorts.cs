using System.Net.Sockets;

namespace KnowledgeKaizen.Testing;

/// <summary>Ports of 127.0.0.1 that nothing listens on, for the servers the tests start (portals, nginx, PostgreSQL).</summary>
public static class FreePorts
{
    /// <summary>A port the system just handed out and released: free unless another process takes it first.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
