namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// What this process's index applied beyond its cursor, per index name. Only memory: after a restart it is applied
/// once more from the cursor, which changes nothing.
/// <list type="bullet">
/// <item>How far it read and applied: the index holds those entries (searchable) before a commit makes them durable and
/// the cursor moves (<see cref="SearchOutboxApplier.CommitAsync"/>), so reads go on from here, not from the cursor.</item>
/// <item>On PostgreSQL, the entries applied above that horizon (<see cref="PostgreSqlSearchOutboxFeed"/>): committed
/// while an older transaction still ran, they are read again until the horizon passes them; this keeps them from
/// being applied again.</item>
/// </list>
/// </summary>
public sealed class SearchOutboxReads
{
    private readonly Dictionary<string, Dictionary<long, long>> applied = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> reached = new(StringComparer.Ordinal);

    /// <summary>The position the index <paramref name="name"/> reached in this process; null before its first batch.</summary>
    public long? Reached(string name)
    {
        lock (applied)
        {
            return reached.TryGetValue(name, out var position) ? position : null;
        }
    }

    /// <summary>Ids applied by the index <paramref name="name"/> whose transaction is at or above <paramref name="horizon"/>.</summary>
    public long[] AppliedSince(string name, long horizon)
    {
        lock (applied)
        {
            return applied.TryGetValue(name, out var ids) ? [.. ids.Where(i => i.Value >= horizon).Select(i => i.Key)] : [];
        }
    }

    /// <summary>
    /// Remembers that the index <paramref name="name"/> applied <paramref name="entries"/> (id, transaction; empty where ids
    /// are committed in order) and reached <paramref name="position"/> (never moving back), and forgets ids the position passed.
    /// </summary>
    public void Applied(string name, IEnumerable<(long Id, long Transaction)> entries, long position)
    {
        lock (applied)
        {
            if (!applied.TryGetValue(name, out var ids))
            {
                applied[name] = ids = [];
            }

            foreach (var (id, transaction) in entries)
            {
                ids[id] = transaction;
            }

            var horizon = Math.Max(position, reached.TryGetValue(name, out var before) ? before : long.MinValue);
            reached[name] = horizon;
            foreach (var passed in ids.Where(i => i.Value < horizon).Select(i => i.Key).ToList())
            {
                ids.Remove(passed);
            }
        }
    }

    /// <summary>
    /// Forgets all the index <paramref name="name"/> applied since its cursor: after a failed commit the index may have
    /// lost it, so it is read from the cursor and applied again.
    /// </summary>
    public void Forget(string name)
    {
        lock (applied)
        {
            applied.Remove(name);
            reached.Remove(name);
        }
    }
}
