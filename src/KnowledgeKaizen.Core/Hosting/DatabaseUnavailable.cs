using System.Net.Sockets;
using Npgsql;

namespace KnowledgeKaizen.Core.Hosting;

/// <summary>
/// Whether an exception means the database server could not be reached or would not take the connection: it is down or
/// restarting, refuses more clients, or every pooled connection stayed busy. The request was not at fault and may work in
/// a moment; the portal answers 503 with that said, not a 500.
/// </summary>
public static class DatabaseUnavailable
{
    // SQLSTATE: connection exceptions (class 08), too_many_connections, admin/crash shutdown, cannot_connect_now.
    private static readonly string[] States = ["53300", "57P01", "57P02", "57P03"];

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres && (postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || States.Contains(postgres.SqlState))
                || e is NpgsqlException { InnerException: SocketException or TimeoutException })
            {
                return true;
            }
        }

        return false;
    }
}
