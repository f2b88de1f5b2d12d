using System.Text;
using KnowledgeKaizen.Core.Ingestion;
using KnowledgeKaizen.Insights.Metrics;
using static KnowledgeKaizen.Insights.Tests.Metrics.CrmDatabase;

namespace KnowledgeKaizen.Insights.Tests.Metrics;

/// <summary>The dashboards' result cache: one computation per question and data version, and a version every write changes.</summary>
public sealed class MetricResultCacheTests : IDisposable
{
    private static readonly MetricFilter Spring = new(Day(2026, 1, 1), Day(2026, 5, 1));
    private readonly ImportedCrm crm = new();

    private long Version => crm.Scalar("SELECT Version FROM MetricFactsState");

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
        var version = Version;

        // Over 256 KB into the empty Feedback table: a bulk load, which sets the change triggers aside.
        crm.Import(ImportKind.Feedback, FeedbackFile(3_000));
        Assert.NotEqual(version, Version);
        Assert.Equal(3, crm.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'TR_Feedback_%_Version_MetricFacts'"));
        var loaded = await FeedbackAsync(cached: true);
        Assert.NotEqual(empty, loaded);
        Assert.Equal(await FeedbackAsync(cached: false), loaded);

        // A single row written outside the pipeline goes through the row trigger.
        version = Version;
        crm.Scalar("UPDATE Feedback SET ResolvedAt = NULL WHERE Id = (SELECT MIN(Id) FROM Feedback WHERE ResolvedAt IS NOT NULL); SELECT changes()");
        Assert.NotEqual(version, Version);
        var edited = await FeedbackAsync(cached: true);
        Assert.NotEqual(loaded, edited);
        Assert.Equal(await FeedbackAsync(cached: false), edited);
    }

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
