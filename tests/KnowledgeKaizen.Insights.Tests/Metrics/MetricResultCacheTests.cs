using System.Text;
using KnowledgeKaizen.Core.Ingestion;
using Microsoft.EntityFrameworkCore;
using static KnowledgeKaizen.Insights.Tests.Metrics.CrmDatabase;

namespace KnowledgeKaizen.Insights.Tests.Metrics;

/// <summary>The dashboards' result cache: one computation per question and data version, and a version every write changes.</summary>
public sealed class MetricResultCacheTests : IDisposable
{
    private static readonly MetricFilter Spring = new(Day(2026, 1, 1), Day(2026, 5, 1));
    private readonly ImportedCrm crm = new();

    private long Version => crm.Scalar("SELECT Version FROM MetricFactsState");

    private long FeedbackVersion => crm.Scalar("SELECT FeedbackVersion FROM MetricFactsState");

    [Fact]
    public async Task ConcurrentRequests_ShareOneComputation_AndANewVersionComputesAgain()
    {
        var cache = new MetricResultCache();
        var key = new MetricResultKey("answer", Spring);
        var computed = 0;
        var release = new TaskCompletionSource();
        async Task<string> Compute()
        {
            Interlocked.Increment(ref computed);
            await release.Task;
            return $"answer {computed}";
        }

        var first = cache.GetOrAddAsync(7, key, Compute, CancellationToken.None);
        var second = cache.GetOrAddAsync(7, key, Compute, CancellationToken.None);
        release.SetResult();

        Assert.Equal("answer 1", await first);
        Assert.Same(await first, await second);
        Assert.Equal("answer 2", await cache.GetOrAddAsync(8, key, Compute, CancellationToken.None));
        Assert.Equal(2, computed);
    }

    [Fact]
    public async Task AFailedComputation_IsNotKept()
    {
        var cache = new MetricResultCache();
        var key = new MetricResultKey("answer", Spring);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            cache.GetOrAddAsync<string>(1, key, () => throw new InvalidOperationException("the database went away"), CancellationToken.None));

        Assert.Equal("second try", await cache.GetOrAddAsync(1, key, () => Task.FromResult("second try"), CancellationToken.None));
    }

    [Fact]
    public async Task CachedResults_FollowEveryWrite_RowByRowAndBulk()
    {
        crm.ImportRandomFacts(seed: 3);
        var cache = new MetricResultCache();
        async Task<string> FeedbackAsync(bool cached)
        {
            await using var db = crm.NewContext();
            return MetricResultsJson.Of(await new ProcessMetrics(db, cached ? cache : null).FeedbackAsync(Spring));
        }

        var empty = await FeedbackAsync(cached: true);
        var version = FeedbackVersion;

        // Over 256 KB into the empty Feedback table: a bulk load, which sets the change triggers aside.
        crm.Import(ImportKind.Feedback, FeedbackFile(3_000));
        Assert.NotEqual(version, FeedbackVersion);
        Assert.Equal(3, crm.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'TR_Feedback_%_Version_MetricFacts'"));
        var loaded = await FeedbackAsync(cached: true);
        Assert.NotEqual(empty, loaded);
        Assert.Equal(await FeedbackAsync(cached: false), loaded);

        // A single row written outside the pipeline goes through the row trigger.
        version = FeedbackVersion;
        crm.Scalar("UPDATE Feedback SET ResolvedAt = NULL WHERE Id = (SELECT MIN(Id) FROM Feedback WHERE ResolvedAt IS NOT NULL); SELECT changes()");
        Assert.NotEqual(version, FeedbackVersion);
        var edited = await FeedbackAsync(cached: true);
        Assert.NotEqual(loaded, edited);
        Assert.Equal(await FeedbackAsync(cached: false), edited);
    }

    [Fact]
    public async Task AFeedbackWrite_RecomputesTheFeedbackPageOnly_AndAnyOtherWriteEverything()
    {
        crm.ImportRandomFacts(seed: 5);
        crm.Import(ImportKind.Feedback, FeedbackFile(40));
        var cache = new MetricResultCache();
        async Task<(object Overview, object Service, object Feedback)> ReadAsync()
        {
            await using var db = crm.NewContext();
            var metrics = new ProcessMetrics(db, cache);
            return (await metrics.OverviewAsync(Spring), await metrics.ServiceAsync(Spring), await metrics.FeedbackAsync(Spring));
        }

        async Task<string> LiveFeedbackAsync()
        {
            await using var db = crm.NewContext();
            return MetricResultsJson.Of(await new ProcessMetrics(db).FeedbackAsync(Spring));
        }

        var first = await ReadAsync();
        var (version, feedbackVersion) = (Version, FeedbackVersion);

        crm.Scalar("UPDATE Feedback SET ResolvedAt = NULL WHERE Id = (SELECT MIN(Id) FROM Feedback WHERE ResolvedAt IS NOT NULL); SELECT changes()");
        Assert.Equal(version, Version);
        Assert.NotEqual(feedbackVersion, FeedbackVersion);
        var afterFeedback = await ReadAsync();
        Assert.Same(first.Overview, afterFeedback.Overview);
        Assert.Same(first.Service, afterFeedback.Service);
        Assert.NotSame(first.Feedback, afterFeedback.Feedback);
        Assert.Equal(await LiveFeedbackAsync(), MetricResultsJson.Of(afterFeedback.Feedback));

        // Feedback in an import's batch goes the same way (the batch does what the version triggers it sets aside do).
        feedbackVersion = FeedbackVersion;
        crm.Import(ImportKind.Feedback, FeedbackFile(60));
        Assert.Equal(version, Version);
        Assert.NotEqual(feedbackVersion, FeedbackVersion);
        var afterImport = await ReadAsync();
        Assert.Same(first.Overview, afterImport.Overview);
        Assert.Equal(await LiveFeedbackAsync(), MetricResultsJson.Of(afterImport.Feedback));

        // A customer is read by the feedback page (churn) and the others: both lanes follow it.
        feedbackVersion = FeedbackVersion;
        crm.Scalar("UPDATE Customers SET Name = Name || ' Ltd' WHERE Id = (SELECT MIN(Id) FROM Customers); SELECT changes()");
        Assert.NotEqual(version, Version);
        Assert.Equal(feedbackVersion, FeedbackVersion);
        var afterCustomer = await ReadAsync();
        Assert.NotSame(afterImport.Overview, afterCustomer.Overview);
        Assert.NotSame(afterImport.Feedback, afterCustomer.Feedback);
    }

    [Fact]
    public async Task TheLiveEdgeMonths_AreReadOncePerVersion_AndServeEveryFilterAndPage()
    {
        crm.ImportRandomFacts(seed: 7);
        var cache = new MetricResultCache();
        var period = new MetricFilter(Day(2026, 1, 10), Day(2026, 4, 20));
        await using (var db = crm.NewContext())
        {
            await new ProcessMetrics(db, cache).OverviewAsync(period);
        }

        // The partial months at the period's edges are held for this version: a probe that would read them again fails.
        foreach (var (from, to) in new[] { (Day(2026, 1, 10), Day(2026, 2, 1)), (Day(2026, 4, 1), Day(2026, 4, 20)) })
        {
            var held = await cache.GetOrAddAsync<IReadOnlyList<StageFact>>(MetricDataLane.Crm, Version,
                new MetricResultKey("live " + StageFact.Kind, new MetricFilter(from, to)),
                () => throw new InvalidOperationException($"the edge {from:yyyy-MM-dd} … {to:yyyy-MM-dd} was read but not kept"), CancellationToken.None);
            Assert.NotEmpty(held);
        }

        // A rep's view and rep page over the same period take their edges from there, with the live queries' figures.
        var rep = crm.Scalar("SELECT Id FROM Reps WHERE ExternalId = 'r2'");
        async Task<string> RepViewsAsync(MetricResultCache? shared)
        {
            await using var db = crm.NewContext();
            var metrics = new ProcessMetrics(db, shared);
            return MetricResultsJson.Of(await metrics.OverviewAsync(period with { RepId = rep })) +
                MetricResultsJson.Of((await metrics.RepReportAsync(MetricViewer.AllReps, rep, period))!);
        }

        Assert.Equal(await RepViewsAsync(null), await RepViewsAsync(cache));
    }

    [Fact]
    public async Task AnImportAppliedInBatches_ChangesTheVersionOnce_WithItsLastBatch()
    {
        var before = FeedbackVersion;
        var seen = new List<(long Rows, long Version)>();
        await using (var db = crm.NewContext())
        {
            // Each progress report of the apply comes after a batch has committed.
            await new ImportPipeline(db).RunAsync(Csv(FeedbackFile(6_000)), new ImportRequest(ImportKind.Feedback, ImportFormat.Csv), (phase, _, _) =>
            {
                if (phase == ImportPhase.Applying)
                {
                    seen.Add((crm.Scalar("SELECT COUNT(*) FROM Feedback"), FeedbackVersion));
                }

                return Task.CompletedTask;
            });
        }

        Assert.True(seen.Count >= 3, $"{seen.Count} batches");
        Assert.True(seen[0].Rows > 0 && seen[0].Rows < 6_000, $"{seen[0].Rows} rows after the first batch");
        Assert.All(seen.SkipLast(1), s => Assert.Equal(before, s.Version));
        Assert.Equal((6_000L, FeedbackVersion), seen[^1]);
        Assert.NotEqual(before, FeedbackVersion);
    }

    [Fact]
    public async Task AnImportStoppedAfterCommittedBatches_StillChangesTheVersion()
    {
        var before = FeedbackVersion;
        using var stop = new CancellationTokenSource();
        await using var db = crm.NewContext();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ImportPipeline(db).RunAsync(Csv(FeedbackFile(6_000)),
            new ImportRequest(ImportKind.Feedback, ImportFormat.Csv), (phase, _, _) =>
            {
                if (phase == ImportPhase.Applying)
                {
                    stop.Cancel();
                }

                return Task.CompletedTask;
            }, stop.Token));

        var kept = crm.Scalar("SELECT COUNT(*) FROM Feedback");
        Assert.True(kept is > 0 and < 6_000, $"{kept} rows kept");
        Assert.NotEqual(before, FeedbackVersion);
    }

    [Fact]
    public async Task AResultCachedByTheCrmVersion_CannotReadFeedback()
    {
        await using var db = crm.NewContext();
        await db.Database.OpenConnectionAsync();
        var query = new MetricQuery(db.Database.GetDbConnection(), readsFeedback: false);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            query.ReadAsync("""SELECT COUNT(*) FROM "Feedback" """, null, _ => { }, CancellationToken.None));
        Assert.Contains("feedback lane", refused.Message, StringComparison.Ordinal);
        await query.ReadAsync("""SELECT COUNT(*) FROM "ServiceCases" """, null, _ => { }, CancellationToken.None);
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string FeedbackFile(int rows)
    {
        var csv = new StringBuilder("external_id,customer_id,case_id,channel,type,category,text,score,received_at,handled_by,handling_record,resolved_at\n");
        for (var i = 1; i <= rows; i++)
        {
            var received = Day(2026, 1, 1).AddHours(i);
            csv.Append(CultureInfo.InvariantCulture,
                $"F{i},c{1 + (i % 2)},,email,{(i % 3 == 0 ? "praise" : "complaint")},billing,The invoice for order {i} listed the wrong quantity again this month.,2,")
                .Append(CultureInfo.InvariantCulture, $"{received:yyyy-MM-ddTHH:mm:ssZ},r4,,{received.AddDays(2):yyyy-MM-ddTHH:mm:ssZ}\n");
        }

        return csv.ToString();
    }

    public void Dispose() => crm.Dispose();
}
