using KnowledgeKaizen.Core.Analytics;

namespace KnowledgeKaizen.Core.Tests.Analytics;

public sealed class SearchAnalyticsTests : IDisposable
{
    private readonly KnowledgeTestDatabase database = new();

    [Theory]
    [InlineData("  Price   Objection ", "price objection")]
    [InlineData("转化率\u0007", "转化率")]
    [InlineData("\t\n", "")]
    public void Normalise_GroupsEqualSearches(string typed, string expected) =>
        Assert.Equal(expected, SearchQueryLog.Normalise(typed));

    [Fact]
    public void Normalise_CutsVeryLongQueries() =>
        Assert.Equal(SearchQueryLog.MaxTextLength, SearchQueryLog.Normalise(new string('a', 10_000)).Length);

    [Fact]
    public async Task Report_CountsTopQueries_Gaps_NoClicks_AndClickThroughByPosition()
    {
        await using var db = database.NewContext();
        var analytics = new SearchAnalytics(db, database.Service(db), Recorder(), database.Clock);
        var first = await analytics.RecordQueryAsync("Discount", "u1", 12);
        await analytics.RecordQueryAsync("discount ", "u2", 3);
        await analytics.RecordQueryAsync("warranty  claims", "u1", 0);
        await analytics.RecordQueryAsync("Warranty claims", "u2", 0);
        await analytics.RecordQueryAsync("onboarding", "u1", 5);
        Assert.Null(await analytics.RecordQueryAsync("   ", "u1", 0));

        Assert.True(await analytics.RecordClickAsync(first!.Value, 2, "playbook", "7", "u1"));
        Assert.False(await analytics.RecordClickAsync(first.Value, 1, "playbook", "7", "someone-else"));
        var report = await analytics.ReportAsync(30);

        Assert.Equal(5, report.Searches);
        Assert.Equal(2, report.ZeroResultSearches);
        var top = report.TopQueries[0];
        Assert.Equal(("discount", 2, 1, 7.5), (top.Text, top.Searches, top.Clicks, top.AverageResults));
        Assert.Equal(["warranty claims"], report.ContentGaps.Select(g => g.Text));
        Assert.Equal(2, report.ContentGaps[0].Searches);
        Assert.Equal(["discount", "onboarding"], report.NoClicks.Select(g => g.Text).Order());
        Assert.Equal((3, 0), (report.ClickThrough[0].Impressions, report.ClickThrough[0].Clicks));
        Assert.Equal((3, 1), (report.ClickThrough[1].Impressions, report.ClickThrough[1].Clicks));
        Assert.Equal(2, report.ClickThrough[3].Impressions);
    }

    [Fact]
    public async Task Report_LeavesOutSearchesBeforeThePeriod()
    {
        await using var db = database.NewContext();
        var analytics = new SearchAnalytics(db, database.Service(db), Recorder(), database.Clock);
        await analytics.RecordQueryAsync("old question", "u1", 0);
        database.Clock.Now = database.Clock.Now.AddDays(10);

        Assert.Empty((await analytics.ReportAsync(7)).ContentGaps);
        Assert.Single((await analytics.ReportAsync(30)).ContentGaps);
    }

    [Fact]
    public async Task ContentGap_BecomesAPlaybookDraft_ByTheManager_WithTheSearchesAsEvidence()
    {
        await using var db = database.NewContext();
        var analytics = new SearchAnalytics(db, database.Service(db), Recorder(), database.Clock);
        await analytics.RecordQueryAsync("退货 流程", "u1", 0);

        var id = await analytics.StartDraftFromGapAsync("退货 流程", KnowledgeTestDatabase.Manager);

        var draft = await db.KnowledgeDocuments.Include(d => d.Revisions).SingleAsync(d => d.Id == id);
        Assert.Equal(("退货 流程", "zh", KnowledgeKaizen.Core.Knowledge.DocumentStatus.Draft, "manager-1"), (draft.Title, draft.Language, draft.Status, draft.AuthorUserId));
        Assert.Contains("1 次没有结果", draft.CurrentRevision.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentSearches_AreEachRecorded_WithTheirOwnId()
    {
        var recorder = Recorder();

        var ids = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            Task.Run(() => recorder.RecordAsync(new SearchQueryLog($"query {i % 7}", $"u{i}", i, database.Clock.GetUtcNow().UtcDateTime)))));

        await using var db = database.NewContext();
        Assert.Equal(300, ids.Distinct().Count());
        Assert.Equal(300, await db.SearchQueries.CountAsync());
        Assert.Equal(ids.Order(), await db.SearchQueries.Select(q => q.Id).OrderBy(id => id).ToListAsync());
    }

    [Fact]
    public async Task SearchAbandonedByItsReader_IsStillRecorded()
    {
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();
        var recorder = Recorder();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            recorder.RecordAsync(new SearchQueryLog("left early", "u1", 3, database.Clock.GetUtcNow().UtcDateTime), gone.Token));
        // One writer drains the queue in order, so once a later search is written the abandoned one is too. Waiting
        // for that (rather than polling) keeps a second context off the shared in-memory connection while it writes.
        await recorder.RecordAsync(new SearchQueryLog("stayed", "u2", 1, database.Clock.GetUtcNow().UtcDateTime));

        await using var db = database.NewContext();
        Assert.True(await db.SearchQueries.AnyAsync(q => q.Text == "left early"));
    }

    private SearchQueryRecorder Recorder() =>
        new(new ServiceCollection().AddScoped(_ => database.NewContext()).BuildServiceProvider().GetRequiredService<IServiceScopeFactory>());

    public void Dispose() => database.Dispose();
}
