using Npgsql;

namespace KnowledgeKaizen.Testing;

/// <summary>
/// The PostgreSQL server the tests run against: <c>KK_TEST_POSTGRES</c>, a connection string to a server where the tests
/// may create and drop databases (tests/run.sh starts a throwaway one and sets it). Each fixture gets a database of its
/// own, copied from a template migrated once per server (so a fixture costs a file copy, not the migrations), and
/// dropped when the fixture is disposed. Without the variable the PostgreSQL tests fail, saying so: they never skip.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "KK_TEST_POSTGRES";

    /// <summary>The folder of the PostgreSQL client programs (pg_dump, pg_restore): <c>KK_PG_BIN</c>, else Debian's newest.</summary>
    public static string BinFolder =>
        Environment.GetEnvironmentVariable("KK_PG_BIN") is { Length: > 0 } bin ? bin
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(Directory.Exists)
                    .OrderBy(d => d, StringComparer.Ordinal).LastOrDefault() ?? "/usr/bin"
                : "/usr/bin";

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? template;

    /// <summary>The server's maintenance connection string.</summary>
    public static string Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{Variable} is not set, so the PostgreSQL tests have no server. Run the suite with "
            + "tests/run.sh (it starts a throwaway PostgreSQL and sets the variable), or set it to a connection string of a server "
            + "where the tests may create databases, e.g. \"Host=127.0.0.1;Port=5432;Username=kk;Database=postgres\".");

    /// <summary>A new database, with the portal's schema when <paramref name="migrated"/>, empty otherwise.</summary>
    public static async Task<TestPostgresDatabase> CreateDatabaseAsync(string purpose, bool migrated = true)
    {
        var name = $"kk_{purpose}_{Guid.NewGuid():N}";
        name = name[..Math.Min(name.Length, 63)];
        var source = migrated ? await TemplateAsync() : "template0";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{source}\"");
        return new TestPostgresDatabase(name, ConnectionString(name));
    }

    /// <summary>A new database holding what <paramref name="source"/> holds now (its pooled connections are closed first).</summary>
    public static async Task<TestPostgresDatabase> CopyDatabaseAsync(TestPostgresDatabase source, string purpose)
    {
        var name = $"kk_{purpose}_{Guid.NewGuid():N}";
        name = name[..Math.Min(name.Length, 63)];
        source.ClearPool();
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{source.Name}\"");
        return new TestPostgresDatabase(name, ConnectionString(name));
    }

    /// <summary>A database's connection string with the portal's defaults (its long command timeout: a million-row merge outlasts Npgsql's 30 s).</summary>
    public static string ConnectionString(string database) =>
        DatabaseSettings.PostgreSqlConnectionString(new NpgsqlConnectionStringBuilder(Server) { Database = database, Pooling = true }.ConnectionString);

    /// <summary>Runs <paramref name="sql"/> on the test server's maintenance database, or on <paramref name="database"/>.</summary>
    public static async Task ExecuteAsync(string sql, string? database = null)
    {
        await using var connection = new NpgsqlConnection(database is null ? Server : ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The migrated template, created once per server and migration level; an advisory lock keeps the test processes
    /// that start at once from building it twice.
    /// </summary>
    private static async Task<string> TemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (template is not null)
            {
                return template;
            }

            string latest;
            await using (var model = NewContext(Server))
            {
                latest = model.Database.GetMigrations().Last();
            }

            var name = $"kk_template_{latest.ToLowerInvariant()}";
            await using var connection = new NpgsqlConnection(Server);
            await connection.OpenAsync();
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(4242424242)", connection))
            {
                await lockCommand.ExecuteNonQueryAsync();
            }

            await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
            {
                exists.Parameters.AddWithValue("name", name);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    var building = name + "_building";
                    await ExecuteAsync($"DROP DATABASE IF EXISTS \"{building}\"");
                    await ExecuteAsync($"CREATE DATABASE \"{building}\" TEMPLATE template0");
                    await using (var db = NewContext(ConnectionString(building)))
                    {
                        await db.Database.MigrateAsync();
                    }

                    NpgsqlConnection.ClearAllPools();
                    await ExecuteAsync($"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
                }
            }

            await using (var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(4242424242)", connection))
            {
                await unlock.ExecuteNonQueryAsync();
            }

            return template = name;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    public static KnowledgeKaizenDbContext NewContext(string connectionString) =>
        new((DbContextOptions<KnowledgeKaizenDbContext>)DatabaseSettings.UsePostgreSql(new DbContextOptionsBuilder<KnowledgeKaizenDbContext>(), connectionString).Options);
}

/// <summary>A database of its own on the test server, dropped (with any connection still open to it) on dispose.</summary>
public sealed class TestPostgresDatabase(string name, string connectionString) : IDisposable
{
    public string Name => name;

    public string ConnectionString => connectionString;

    public KnowledgeKaizenDbContext NewContext() => TestPostgres.NewContext(connectionString);

    /// <summary>One value from a query on this database.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Closes this process's pooled connections to the database.</summary>
    public void ClearPool()
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    public void Dispose()
    {
        ClearPool();
        TestPostgres.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
    }
}
