using Npgsql;

namespace KnowledgeKaizen.Testing;

/// <summary>
/// A PostgreSQL server of its own (Debian's binaries, <see cref="TestPostgres.BinFolder"/>): a cluster in a temporary
/// folder on a free port of 127.0.0.1, for tests that stop and start the server under running portals, which the shared
/// test server must never see. Run as the postgres user when the tests run as root (initdb refuses root).
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly TempFolder folder = new("pg-cluster");

    private PrivatePostgres()
    {
        Port = FreePorts.Next();
    }

    public int Port { get; }

    private string Data => folder.File("data");

    /// <summary>Creates the cluster and starts it.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        var server = new PrivatePostgres();
        try
        {
            if (Environment.UserName == "root")
            {
                await ExternalProgram.RunAsync("chown", ["postgres:", server.folder.Path]);
            }

            await server.AsOwnerAsync("initdb", ["-D", server.Data, "-U", "kk", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
            await server.StartServerAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "kk", Database = database }.ConnectionString;

    /// <summary>Creates an empty database named <paramref name="name"/>; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Starts the server (again) and waits until it accepts connections.</summary>
    public Task StartServerAsync() => AsOwnerAsync("pg_ctl", ["-D", Data, "-l", folder.File("server.log"), "-w", "-o",
        $"-p {Port} -k {folder.Path} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300", "start"]);

    /// <summary>Stops the server as an operator's restart does (fast: open sessions are ended).</summary>
    public Task StopServerAsync() => AsOwnerAsync("pg_ctl", ["-D", Data, "-m", "fast", "-w", "stop"]);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            await AsOwnerAsync("pg_ctl", ["-D", Data, "-m", "immediate", "stop"]);
        }

        folder.Dispose();
    }

    private Task AsOwnerAsync(string program, IReadOnlyList<string> arguments)
    {
        var binary = Path.Combine(TestPostgres.BinFolder, program);
        return Environment.UserName == "root" ? ExternalProgram.RunAsync("runuser", ["-u", "postgres", "--", binary, .. arguments]) : ExternalProgram.RunAsync(binary, arguments);
    }
}
