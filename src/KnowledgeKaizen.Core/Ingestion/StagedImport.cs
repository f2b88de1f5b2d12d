namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>An import's staged rows, attached to the context's open connection until disposed.</summary>
internal sealed class StagedImport(KnowledgeKaizenDbContext db, ImportStaging staging, ImportReport report, long count) : IAsyncDisposable
{
    public ImportStaging Staging => staging;

    /// <summary>What reading the file found, and the decision.</summary>
    public ImportReport Report => report;

    /// <summary>Rows staged, numbered 1 to this count.</summary>
    public long Count => count;

    public async ValueTask DisposeAsync()
    {
        try
        {
            staging.Dispose();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>What one applied batch did to the portal's table.</summary>
internal readonly record struct AppliedBatch(long Inserted, long Updated, long Unchanged);
