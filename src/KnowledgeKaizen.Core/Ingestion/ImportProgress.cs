using System.Collections.Concurrent;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Live progress of running imports, in memory: on SQLite a progress write to the job row would wait for the write lock
/// the import's own batches take turns at, so the progress endpoint reads it from here and falls back to the job row once
/// the import is done. In cluster mode (PostgreSQL) the import may run on another instance: the job row then carries the
/// same progress too (<see cref="ImportJobHandler"/>), so any instance can show it.
/// </summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<Guid, Snapshot> running = new();

    /// <summary>The phase, the fraction of it done (of the file read, of the staged rows applied) and the rows so far.</summary>
    public sealed record Snapshot(ImportPhase Phase, double Fraction, long Rows)
    {
        /// <summary>The whole import as one bar: reading the first half, applying the second (a preview only reads).</summary>
        public double Overall(bool dryRun) => Phase switch
        {
            ImportPhase.Reading => dryRun ? Fraction : Fraction / 2,
            ImportPhase.Applying => 0.5 + (Fraction / 2),
            ImportPhase.Applied => 1,
            _ => 0,
        };
    }

    public void Report(Guid importId, ImportPhase phase, double fraction, long rows) =>
        running[importId] = new Snapshot(phase, Math.Clamp(fraction, 0, 1), rows);

    public Snapshot? Find(Guid importId) => running.GetValueOrDefault(importId);

    public void Finish(Guid importId) => running.TryRemove(importId, out _);
}
