namespace KnowledgeKaizen.Web.Tests.Insights;

/// <summary>
/// After a write, the warmer computes what the dashboards' default views show a manager, so the first manager to open
/// them after an import finds every result ready: opening them adds nothing to the result cache. That holds for a
/// manager who is also a rep (their email is a demo rep's) as for any other.
/// </summary>
public sealed class DashboardWarmingTests(DashboardWarmingTests.UnwarmedPortal portal) : IClassFixture<DashboardWarmingTests.UnwarmedPortal>
{
    private static readonly string[] DefaultViews = ["/Insights", "/Insights/Reps", "/Insights/Service", "/Insights/Feedback"];

    /// <summary>The demo data with the periodic warming off, so only the test warms.</summary>
    public sealed class UnwarmedPortal : UntrainedDemoDataPortalFactory
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { [MetricsOptions.Section + ":WarmEverySeconds"] = "0" };
    }

    [Theory]
    [InlineData("km@warming.test")]
    [InlineData("haoran.ma@demo.kaizen")]
    public async Task AfterAWrite_TheWarmedDefaultViews_AreServedWithoutComputingAnything(string manager)
    {
        await portal.EnsureUserAsync(manager, Roles.KnowledgeManager);
        var client = await portal.SignInAsync(manager, PortalFactory.UserPassword);
        var suffix = manager.Split('@')[0];
        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Customers" ("ExternalId", "Name", "Industry", "Region", "CreatedAt") VALUES ({"warm-c-" + suffix}, 'Harbour Tools', 'Retail', 'North', '2026-10-20 09:00:00+00:00');
            INSERT INTO "Feedback" ("ExternalId", "Channel", "Type", "Text", "ReceivedAt") VALUES ({"warm-f-" + suffix}, 'email', 'complaint', 'The delivery came a week late.', '2026-10-21 09:00:00+00:00');
            """));
        var cache = portal.Services.GetRequiredService<MetricResultCache>();

        await portal.Services.GetRequiredService<MetricResultWarmer>().WarmAsync(CancellationToken.None);
        var warmed = cache.Count;
        foreach (var view in DefaultViews)
        {
            var response = await client.GetAsync(view);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{view} answered {(int)response.StatusCode}");
        }

        Assert.True(warmed > 0, "the warmer stored nothing");
        Assert.Equal(warmed, cache.Count);
    }
}
