using System.Data.Common;
using KnowledgeKaizen.Core.Data;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Work that must become visible together with an import's rows (e.g. refreshing pre-aggregates): runs
/// inside the import transaction just before it commits, and only when the import is applied. A hook that
/// throws rolls the whole import back.
/// </summary>
public interface IImportCommitHook
{
    /// <summary>Called once per applied import, on the import's own connection and transaction, with the database's dialect.</summary>
    Task BeforeCommitAsync(DbConnection connection, DbTransaction transaction, ISqlDialect sql, CancellationToken ct);
}
