using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace KnowledgeKaizen.Core.Data;

/// <summary>
/// Which database the portal uses: <c>KnowledgeKaizen:Database:Provider</c> (<c>Sqlite</c>, the default, or
/// <c>PostgreSql</c>) and, for PostgreSQL, <c>ConnectionStrings:KnowledgeKaizen</c>. Each provider has its own
/// migrations assembly generated from the one model (EF Core's "migrations with multiple providers").
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "KnowledgeKaizen:Database:Provider";
    public const string ConnectionStringName = "KnowledgeKaizen";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;

    /// <summary>The assembly holding each provider's migrations.</summary>
    public static string MigrationsAssembly(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql => "KnowledgeKaizen.Data.PostgreSql",
        _ => "KnowledgeKaizen.Data.Sqlite",
    };

    /// <summary>
    /// Reads the settings; a wrong value throws <see cref="DatabaseSettingException"/> whose message is one line naming the
    /// setting. SQLite uses the database file in the data folder.
    /// </summary>
    public static DatabaseSettings Read(IConfiguration configuration, DataFolder folder)
    {
        var provider = ParseProvider(configuration[ProviderKey]);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new(provider, SqliteConnectionString(folder.DatabaseFile));
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new DatabaseSettingException($"{ConnectionStringKey} is empty: {ProviderKey} is PostgreSql, so it must name the server "
                + "(e.g. \"Host=db;Database=knowledgekaizen;Username=kk;Password=...\").");
        }

        return new(provider, PostgreSqlConnectionString(connectionString));
    }

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim() switch
    {
        null or "" => DatabaseProvider.Sqlite,
        var v when v.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Sqlite,
        var v when v.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase) || v.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
            => DatabaseProvider.PostgreSql,
        var v => throw new DatabaseSettingException($"{ProviderKey} '{v}' is not a database the portal runs on: use Sqlite or PostgreSql."),
    };

    /// <summary>The connection string with the portal's defaults for what it leaves out; a malformed one names the setting.</summary>
    public static string PostgreSqlConnectionString(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            // Rebuilding the aggregates or merging a large import runs longer than Npgsql's 30 s default.
            if (!connectionString.Contains("Command Timeout", StringComparison.OrdinalIgnoreCase)
                && !connectionString.Contains("CommandTimeout", StringComparison.OrdinalIgnoreCase))
            {
                builder.CommandTimeout = 600;
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException ex)
        {
            throw new DatabaseSettingException($"{ConnectionStringKey} is not a valid PostgreSQL connection string: {ex.Message}");
        }
    }

    public static string SqliteConnectionString(string file) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Cache = SqliteCacheMode.Private,
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();

    /// <summary>Points <paramref name="options"/> at this database, with its provider's migrations.</summary>
    public DbContextOptionsBuilder Apply(DbContextOptionsBuilder options) => Provider == DatabaseProvider.PostgreSql
        ? UsePostgreSql(options, ConnectionString)
        : WithoutModelCheck(options.UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly(DatabaseProvider.Sqlite))));

    /// <summary>PostgreSQL with the portal's migrations (for tests and tools that build options themselves).</summary>
    public static DbContextOptionsBuilder UsePostgreSql(DbContextOptionsBuilder options, string connectionString) =>
        WithoutModelCheck(options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly(DatabaseProvider.PostgreSql))));

    /// <summary>SQLite on an open connection with the portal's migrations (in-memory test databases).</summary>
    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, DbConnection connection) =>
        WithoutModelCheck(options.UseSqlite(connection, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly(DatabaseProvider.Sqlite))));

    /// <summary>
    /// Migrating does not compare the model with the migrations again: EF does it at every start by building the
    /// migrations' model snapshot anew and comparing the two models (a noticeable share of a start's CPU), and a
    /// model change that a provider's migrations lack already fails the build's tests (<c>ModelMigrationsTests</c>).
    /// </summary>
    private static DbContextOptionsBuilder WithoutModelCheck(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));

    /// <summary>
    /// Opens a connection once, so a wrong or unreachable database stops start-up with one line naming the setting and
    /// the reason instead of a stack trace from the first query. Null when the database answers.
    /// </summary>
    public async Task<string?> FindConnectionProblemAsync(CancellationToken ct = default)
    {
        if (Provider != DatabaseProvider.PostgreSql)
        {
            return null;
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var target = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port} as '{builder.Username}'";
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(ct);
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            return $"{ConnectionStringKey}: cannot connect to the {target}: {Reason(ex)}";
        }
    }

    private static string Reason(Exception ex)
    {
        var innermost = ex;
        while (innermost.InnerException is { } inner && ex is not PostgresException)
        {
            innermost = inner;
        }

        var reason = ex is PostgresException postgres ? postgres.MessageText : innermost.Message;
        return reason.ReplaceLineEndings(" ").Trim();
    }
}

/// <summary>A database setting that cannot work; the message is one line naming the setting.</summary>
public sealed class DatabaseSettingException(string message) : Exception(message);
