namespace KnowledgeKaizen.Web.Tests.Data;

/// <summary>
/// The demo data loaded by the app's own loader into two portals, one on SQLite and one on PostgreSQL, shared by the
/// tests that compare them or need a populated PostgreSQL install (one start each for the whole collection; none reads
/// findings, so neither retrains at start).
/// </summary>
public sealed class BothDatabases : IDisposable
{
    public const string Name = "Demo data on both databases";

    public BothDatabases()
    {
        // Both start at once: each start is mostly waiting on its own database.
        Task.WaitAll(Task.Run(() => Sqlite.Services), Task.Run(() => PostgreSql.Services));
    }

    public UntrainedDemoDataPortalFactory Sqlite { get; } = new();

    public PostgreSqlUntrainedDemoDataPortalFactory PostgreSql { get; } = new();

    public void Dispose()
    {
        Sqlite.Dispose();
        PostgreSql.Dispose();
    }
}

[CollectionDefinition(BothDatabases.Name)]
public sealed class BothDatabasesCollection : ICollectionFixture<BothDatabases>;
