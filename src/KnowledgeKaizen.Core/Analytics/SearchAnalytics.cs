namespace KnowledgeKaizen.Core.Analytics;

/// <summary>Records searches and result clicks, reports on them, and turns a content gap into a playbook draft.</summary>
public sealed class SearchAnalytics(KnowledgeKaizenDbContext db, KnowledgeService knowledge, SearchQueryRecorder recorder, TimeProvider clock)
{
    /// <summary>Positions reported in the click-through table (the first page).</summary>
    public const int ReportedPositions = 10;

    /// <summary>Logs a search; returns its id for click tracking, or null when there was nothing to log.</summary>
    public async Task<long?> RecordQueryAsync(string? text, string userId, int resultCount, CancellationToken ct = default)
    {
        if (SearchQueryLog.Normalise(text).Length == 0)
        {
            return null;
        }

        return await recorder.RecordAsync(new SearchQueryLog(text!, userId, resultCount, clock.GetUtcNow().UtcDateTime), ct);
    }

    /// <summary>Logs that a user opened a result; ignored when the query is unknown or belongs to someone else.</summary>
    public async Task<bool> RecordClickAsync(long queryId, int position, string documentType, string documentKey, string userId,
        CancellationToken ct = default)
    {
        if (position < 1 || documentType.Length is 0 or > 32 || documentKey.Length is 0 or > 64
            || !await db.SearchQueries.AnyAsync(q => q.Id == queryId && q.UserId == userId, ct))
        {
            return false;
        }

        db.SearchClicks.Add(new SearchClick(queryId, position, documentType, documentKey, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Top queries, content gaps, queries without clicks and click-through by position over the last <paramref name="days"/>.</summary>
    public async Task<SearchAnalyticsReport> ReportAsync(int days, int limit = 20, CancellationToken ct = default)
    {
        days = Math.Clamp(days, 1, 3650);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        var queries = db.SearchQueries.AsNoTracking().Where(q => q.At >= since);
        var clicks = db.SearchClicks.AsNoTracking().Where(c => queries.Any(q => q.Id == c.QueryId));

        var searches = await queries.CountAsync(ct);
        var zero = await queries.CountAsync(q => q.ResultCount == 0, ct);

        var top = await queries.GroupBy(q => q.Text)
            .Select(g => new { Text = g.Key, Searches = g.Count(), Average = g.Average(q => (double)q.ResultCount) })
            .OrderByDescending(g => g.Searches).ThenBy(g => g.Text).Take(limit).ToListAsync(ct);
        var topTexts = top.Select(t => t.Text).ToList();
        var clicksByText = await clicks
            .Join(db.SearchQueries, c => c.QueryId, q => q.Id, (c, q) => q.Text)
            .Where(t => topTexts.Contains(t))
            .GroupBy(t => t).Select(g => new { Text = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Text, g => g.Count, ct);

        var gaps = await Gaps(queries.Where(q => q.ResultCount == 0), limit, ct);
        var unopened = await Gaps(queries.Where(q => q.ResultCount > 0 && !db.SearchClicks.Any(c => c.QueryId == q.Id)), limit, ct);

        var clicksByPosition = await clicks.Where(c => c.Position <= ReportedPositions)
            .GroupBy(c => c.Position).Select(g => new { Position = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Position, g => g.Count, ct);
        var shown = await queries.Where(q => q.ResultCount > 0)
            .GroupBy(q => q.ResultCount > ReportedPositions ? ReportedPositions : q.ResultCount)
            .Select(g => new { Results = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var positions = Enumerable.Range(1, ReportedPositions)
            .Select(p => new PositionClickThrough(p, clicksByPosition.GetValueOrDefault(p), shown.Where(s => s.Results >= p).Sum(s => s.Count)))
            .ToList();

        return new SearchAnalyticsReport(days, searches, zero,
            top.Select(t => new QueryStat(t.Text, t.Searches, clicksByText.GetValueOrDefault(t.Text), t.Average)).ToList(),
            gaps, unopened, positions);
    }

    /// <summary>
    /// Starts a playbook draft titled after a query that found nothing, with a note of the searches as its
    /// evidence; the author finishes it in the editor. Returns the new document's id.
    /// </summary>
    public async Task<int> StartDraftFromGapAsync(string query, Actor author, CancellationToken ct = default)
    {
        var text = SearchQueryLog.Normalise(query);
        if (text.Length == 0)
        {
            throw new KnowledgeRuleException("A title is required.");
        }

        var searches = await db.SearchQueries.CountAsync(q => q.Text == text && q.ResultCount == 0, ct);
        var language = text.Any(IsCjk) ? "zh" : "en";
        var title = char.ToUpperInvariant(text[0]) + text[1..];
        var evidence = language == "zh"
            ? $"> 门户搜索“{text}”{searches} 次没有结果。"
            : $"> Searched for \"{text}\" {searches} times in the portal without a result.";
        var body = DocumentTemplates.For(DocumentKind.Playbook, language).TrimEnd() + "\n\n" + evidence + "\n";
        var document = await knowledge.CreateAsync(DocumentKind.Playbook, language, null, title, body, new DocumentMetadata(), author, ct);
        return document.Id;
    }

    private static async Task<IReadOnlyList<QueryGap>> Gaps(IQueryable<SearchQueryLog> source, int limit, CancellationToken ct) =>
        (await source.GroupBy(q => q.Text)
            .Select(g => new { Text = g.Key, Searches = g.Count(), Last = g.Max(q => q.At) })
            .OrderByDescending(g => g.Searches).ThenByDescending(g => g.Last).Take(limit).ToListAsync(ct))
        .Select(g => new QueryGap(g.Text, g.Searches, g.Last)).ToList();

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
