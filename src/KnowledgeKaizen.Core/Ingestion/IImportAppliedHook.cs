namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Work that follows an applied import (e.g. refreshing pre-aggregates), after its rows and its history entry are
/// committed. It must keep each of its own transactions short — other writes wait for them — and leave readers
/// correct at every step in between.
/// </summary>
public interface IImportAppliedHook
{
    /// <summary>Called once per applied import, with the import's context (its connection is free).</summary>
    Task AfterApplyAsync(KnowledgeKaizenDbContext db, CancellationToken ct);
}
