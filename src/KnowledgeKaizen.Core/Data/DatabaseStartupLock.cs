using Npgsql;

namespace KnowledgeKaizen.Core.Data;

/// <summary>
/// On PostgreSQL, a session-level advisory lock on a connection of its own, held across every start-up task (each runs
/// in its own scope and connection); the server releases it if the process dies. SQLite serves one process per data
/// folder, so there is nothing to wait for.
/// </summary>
internal sealed class DatabaseStartupLock(DatabaseSettings settings) : IStartupLock
{
    /// <summary>The advisory lock key: "KKstart!" as a 64-bit number, so no other application's key collides by accident.</summary>
    internal const long Key = 0x4B4B_7374_6172_7421;

    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken ct)
    {
        if (settings.Provider != DatabaseProvider.PostgreSql)
        {
            return Released.Instance;
        }

        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(ct);
            return new Held(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (connection)
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", Key);
                await command.ExecuteNonQueryAsync();
            }
        }
    }

    private sealed class Released : IAsyncDisposable
    {
        public static Released Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
