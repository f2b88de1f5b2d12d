namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// What this process applied above its index's horizon (<see cref="PostgreSqlSearchOutboxFeed"/>): entries committed
/// while an older transaction still ran. They are read again until the horizon passes them; this keeps them from being
/// applied again. Only memory: after a restart they are applied once more, which changes nothing.
/// </summary>
public sealed class SearchOutboxReads
{
    private readonly Dictionary<string, Dictionary<long, long>> applied = new(StringComparer.Ordinal);

    /// <summary>Ids applied by the index <paramref name="name"/> whose transaction is at or above <paramref name="horizon"/>.</summary>
    public long[] AppliedSince(string name, long horizon)
    {
        lock (applied)
        {
            return applied.TryGetValue(name, out var ids) ? [.. ids.Where(i => i.Value >= horizon).Select(i => i.Key)] : [];
        }
    }

    /// <summary>Remembers <paramref name="entries"/> (id, transaction) and forgets what the new horizon passed.</summary>
    public void Applied(string name, IEnumerable<(long Id, long Transaction)> entries, long horizon)
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

            foreach (var passed in ids.Where(i => i.Value < horizon).Select(i => i.Key).ToList())
            {
                ids.Remove(passed);
            }
        }
    }
}
