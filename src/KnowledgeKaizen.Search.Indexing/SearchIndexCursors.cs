namespace KnowledgeKaizen.Search.Indexing;

/// <summary>An index's cursor as both feeds read and write it.</summary>
internal static class SearchIndexCursors
{
    /// <summary>The cursor's position, 0 for an index that has none yet.</summary>
    public static async Task<long> PositionAsync(KnowledgeKaizenDbContext db, string name, CancellationToken ct) =>
        await db.SearchIndexCursors.AsNoTracking().Where(c => c.Name == name).Select(c => (long?)c.Position).SingleOrDefaultAsync(ct) ?? 0;

    /// <summary>The tracked cursor, added (unsaved) when the index has none yet.</summary>
    public static async Task<SearchIndexCursor> FindOrAddAsync(KnowledgeKaizenDbContext db, string name, DateTimeOffset now, CancellationToken ct)
    {
        var cursor = await db.SearchIndexCursors.SingleOrDefaultAsync(c => c.Name == name, ct);
        if (cursor is null)
        {
            cursor = new SearchIndexCursor(name, now);
            db.SearchIndexCursors.Add(cursor);
        }

        return cursor;
    }
}
