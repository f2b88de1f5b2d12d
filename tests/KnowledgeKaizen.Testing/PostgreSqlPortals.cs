using KnowledgeKaizen.Core.Data;

namespace KnowledgeKaizen.Testing;

/// <summary>The portal of <see cref="PortalFactory"/> on PostgreSQL: the same app and tests, the other database.</summary>
public class PostgreSqlPortalFactory : PortalFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>The demo-data portal of <see cref="UntrainedDemoDataPortalFactory"/> on PostgreSQL (no test there reads findings).</summary>
public class PostgreSqlUntrainedDemoDataPortalFactory : UntrainedDemoDataPortalFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
