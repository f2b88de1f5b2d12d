namespace KnowledgeKaizen.Web.Tests.Insights;

/// <summary>The dashboards on the demo data agree with the raw seed files and with each other.</summary>
[Collection(DemoDataReaders.Name)]
public sealed class SeedConsistencyTests(UntrainedDemoDataPortalFactory factory)
{
    /// <summary>A period that holds the whole demo history (24 months up to 2026-10-31).</summary>
    private static readonly MetricFilter Everything = new(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    private static readonly MetricViewer Manager = new(true, null);

    private async Task<T> WithMetrics<T>(Func<ProcessMetrics, Task<T>> use)
    {
        using var scope = factory.Services.CreateScope();
        return await use(new ProcessMetrics(scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>()));
    }

    [Fact]
    public async Task FunnelCounts_EqualTheStageHistoryFile()
    {
        var rows = SeedCsv.Read("stage-history.csv").ToList();
        var funnel = await WithMetrics(m => m.FunnelAsync(Everything));

        foreach (var stage in funnel.Stages)
        {
            var ofStage = rows.Where(r => r["stage"] == stage.Stage.Code).ToList();
            Assert.Equal(ofStage.Count, stage.Entered);
            Assert.Equal(ofStage.Count(r => r["outcome"] == "advanced"), stage.Advanced);
            Assert.Equal(ofStage.Count(r => r["outcome"] == "lost"), stage.Lost);
        }

        Assert.Equal(rows.Count, funnel.Stages.Sum(s => s.Entered));
    }

    [Fact]
    public async Task EveryOpportunity_EntersTheFirstStage_AndWonDealsPassTheLast()
    {
        var opportunities = SeedCsv.Read("opportunities.csv").ToList();
        var funnel = await WithMetrics(m => m.FunnelAsync(Everything));
        var kpis = await WithMetrics(m => m.SalesKpisAsync(Everything));

        Assert.Equal(opportunities.Count, funnel.Stages[0].Entered);
        Assert.Equal(opportunities.Count(o => o["outcome"] == "won"), funnel.Stages[^1].Advanced);
        Assert.Equal(opportunities.Count(o => o["outcome"] == "won"), kpis.Won);
        Assert.Equal(opportunities.Count(o => o["outcome"] == "lost"), kpis.Lost);
        Assert.Equal(kpis.Won, funnel.ConversionCycleDays.Count);
        // Cumulative conversion chains the per-stage rates (open entries excluded at each stage).
        var chained = SeedCsv.Read("stage-history.csv").GroupBy(r => r["stage"])
            .Aggregate(1.0, (p, g) => p * g.Count(r => r["outcome"] == "advanced") / g.Count(r => r["outcome"] != "open"));
        Assert.Equal(chained, funnel.Stages[^1].Cumulative!.Value, 9);
    }

    [Fact]
    public async Task Heatmap_SumsToTheFunnel_ForEveryStage()
    {
        var funnel = await WithMetrics(m => m.FunnelAsync(Everything));
        var matrix = await WithMetrics(m => m.RepStageMatrixAsync(Manager, Everything));

        foreach (var stage in funnel.Stages)
        {
            Assert.Equal(stage.Decided, matrix.Rows.Sum(r => r.Cell(stage.Stage.Code)!.Decided));
            Assert.Equal(stage.Advanced, matrix.Rows.Sum(r => r.Cell(stage.Stage.Code)!.Advanced));
            Assert.Equal(stage.Decided, matrix.Company.Single(c => c.StageCode == stage.Stage.Code).Decided);
        }
    }

    [Fact]
    public async Task PlantedLaggard_ConvertsWorseAtTheirStageThanTheCompany()
    {
        var matrix = await WithMetrics(m => m.RepStageMatrixAsync(Manager, Everything));

        var laggard = matrix.Rows.Single(r => r.Rep.ExternalId == "REP-027").Cell("discover")!;
        var company = matrix.Company.Single(c => c.StageCode == "discover");
        Assert.True(laggard.Rate < company.Rate - 0.15, $"REP-027 discover {laggard.Rate:P1} vs company {company.Rate:P1}");
    }

    [Fact]
    public async Task ServiceAndFeedback_CountEveryCaseFeedbackAndChurnOfTheFiles()
    {
        var service = await WithMetrics(m => m.ServiceAsync(Everything));
        var feedback = await WithMetrics(m => m.FeedbackAsync(Everything));
        var feedbackRows = SeedCsv.Read("feedback.csv").ToList();
        var complaints = feedbackRows.Where(f => f["type"] == "complaint").ToList();

        Assert.Equal(SeedCsv.Read("service-cases.csv").Count(), service.All.Cases);
        Assert.Equal(service.All.Cases, service.ByChannel.Sum(c => c.Cases));
        Assert.Equal(service.All.Cases, service.ByMonth.Sum(c => c.Cases));
        Assert.Equal(feedbackRows.Count, feedback.ByMonth.Sum(m => m.Total));
        Assert.Equal(complaints.Count, feedback.AllComplaints.Complaints);
        Assert.Equal(complaints.Count(c => c["resolved_at"].Length > 0), feedback.AllComplaints.Resolved);
        Assert.Equal(SeedCsv.Read("customers.csv").Count(c => c["churned_at"].Length > 0), feedback.ChurnedCustomers);
        // The seed plants 108 churns that follow an unresolved complaint.
        Assert.InRange(feedback.ChurnedAfterUnresolvedComplaint, 108, feedback.ChurnedCustomers);
    }

    [Fact]
    public async Task FeedbackByMonthChannelAndCategory_EqualTheFeedbackFile()
    {
        var rows = SeedCsv.Read("feedback.csv").ToList();
        var feedback = await WithMetrics(m => m.FeedbackAsync(Everything));
        static (long, long, long) ByType(IEnumerable<IReadOnlyDictionary<string, string>> group) =>
            (group.Count(f => f["type"] == "complaint"), group.Count(f => f["type"] == "praise"), group.Count(f => f["type"] == "suggestion"));

        var months = rows.GroupBy(f => f["received_at"][..7]).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(months.Select(g => (g.Key, ByType(g))), feedback.ByMonth.Select(m => (m.Key, (m.Complaints, m.Praise, m.Suggestions))));
        var channels = rows.GroupBy(f => f["channel"]).ToDictionary(g => g.Key, ByType, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(channels.Count, feedback.ByChannel.Count);
        Assert.All(feedback.ByChannel, c => Assert.Equal(channels[c.Key], (c.Complaints, c.Praise, c.Suggestions)));

        // Each category's complaints, resolutions and nearest-rank median of the days to resolve, computed from the file.
        var categories = rows.Where(f => f["type"] == "complaint").GroupBy(f => f["category"].Length > 0 ? f["category"] : "(none)").ToList();
        Assert.Equal(categories.Count, feedback.ByCategory.Count);
        foreach (var category in categories)
        {
            var days = category.Where(f => f["resolved_at"].Length > 0)
                .Select(f => (DateTime.Parse(f["resolved_at"], CultureInfo.InvariantCulture) - DateTime.Parse(f["received_at"], CultureInfo.InvariantCulture)).TotalDays)
                .Order().ToList();
            var shown = feedback.ByCategory.Single(c => c.Category == category.Key);
            Assert.Equal((category.Count(), (long)days.Count), (shown.Complaints, shown.Resolved));
            Assert.NotEmpty(days);
            Assert.Equal(days[(int)Math.Ceiling(days.Count * 0.5) - 1], shown.ResolutionDays.Median!.Value, 6);
        }
    }

    [Fact]
    public async Task LateDeliverySpike_ShowsInMarchToMay2026()
    {
        var spring = new MetricFilter(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        var autumn = new MetricFilter(new DateTime(2025, 9, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc));

        var inSpike = (await WithMetrics(m => m.FeedbackAsync(spring))).ByCategory.Single(c => c.Category == "late_delivery").Complaints;
        var before = (await WithMetrics(m => m.FeedbackAsync(autumn))).ByCategory.Single(c => c.Category == "late_delivery").Complaints;

        Assert.True(inSpike > 1.5 * before, $"late_delivery complaints Mar–May 2026 {inSpike} vs Sep–Nov 2025 {before}");
    }
}
