using System.Collections.Concurrent;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Live progress of running imports, in memory. An import holds SQLite's single write lock for its whole
/// transaction, so its progress cannot be written to the job row meanwhile; the progress endpoint reads
/// it from here and falls back to the job row once the import is done.
/// </summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<Guid, Snapshot> running = new();

    /// <summary>Fraction of the file read and rows processed so far.</summary>
    public sealed record Snapshot(double Fraction, long Rows);

    public void Report(Guid importId, double fraction, long rows) => running[importId] = new Snapshot(Math.Clamp(fraction, 0, 1), rows);

    public Snapshot? Find(Guid importId) => running.GetValueOrDefault(importId);

    public void Finish(Guid importId) => running.TryRemove(importId, out _);
}
