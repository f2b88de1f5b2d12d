using System.Globalization;

namespace KnowledgeKaizen.Testing;

/// <summary>
/// A private in-memory SQLite database with the portal's schema, alive as long as this object (its one
/// connection stays open): nothing is shared between tests. Contexts made here all see the same data.
/// </summary>
public sealed class InMemoryDatabase : IDisposable
{
    private readonly SqliteConnection connection = new("DataSource=:memory:");

    /// <param name="migrated">Build the schema with the migrations (raw-SQL indexes, triggers, aggregate tables) instead of from the model.</param>
    public InMemoryDatabase(bool migrated = false)
    {
        connection.Open();
        using var db = NewContext();
        if (migrated)
        {
            db.Database.Migrate();
        }
        else
        {
            db.Database.EnsureCreated();
        }
    }

    public KnowledgeKaizenDbContext NewContext() =>
        new((DbContextOptions<KnowledgeKaizenDbContext>)DatabaseSettings.UseSqlite(new DbContextOptionsBuilder<KnowledgeKaizenDbContext>(), connection).Options);

    /// <summary>A raw command on the database's connection (schema checks, writes behind the model's back).</summary>
    public SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    public long Scalar(string sql)
    {
        using var command = Command(sql);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public string Text(string sql)
    {
        using var command = Command(sql);
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    public void Dispose() => connection.Dispose();
}
