using KnowledgeKaizen.Core.Data;

namespace KnowledgeKaizen.Testing;

/// <summary>The portal of <see cref="PortalFactory"/> on PostgreSQL: the same app and tests, the other database.</summary>
public class PostgreSqlPortalFactory : PortalFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>The demo-data portal of <see cref="DemoDataPortalFactory"/> on PostgreSQL.</summary>
public class PostgreSqlDemoDataPortalFactory : DemoDataPortalFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
