namespace KnowledgeKaizen.Testing;

/// <summary>The portal of <see cref="PortalFactory"/> on PostgreSQL: the same app and tests, the other database.</summary>
public class PostgreSqlPortalFactory : PortalFactory
{
    public PostgreSqlPortalFactory()
    {
    }

    /// <summary>Another instance on the database of <paramref name="first"/> (see <see cref="PortalFactory(TestPostgresDatabase)"/>).</summary>
    protected PostgreSqlPortalFactory(PortalFactory first)
        : base(first.Postgres)
    {
    }

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>The demo-data portal of <see cref="UntrainedDemoDataPortalFactory"/> on PostgreSQL (no test there reads findings).</summary>
public class PostgreSqlUntrainedDemoDataPortalFactory : UntrainedDemoDataPortalFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
