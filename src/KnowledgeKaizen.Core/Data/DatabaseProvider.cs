namespace KnowledgeKaizen.Core.Data;

/// <summary>The database engines the portal runs on (setting <c>KnowledgeKaizen:Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file in the data folder.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server named by <c>ConnectionStrings:KnowledgeKaizen</c>.</summary>
    PostgreSql,
}
