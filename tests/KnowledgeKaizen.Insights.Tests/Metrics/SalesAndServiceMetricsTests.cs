using Microsoft.EntityFrameworkCore;
using static KnowledgeKaizen.Insights.Tests.Metrics.CrmDatabase;

namespace KnowledgeKaizen.Insights.Tests.Metrics;

public sealed class SalesAndServiceMetricsTests : IDisposable
{
    private static readonly MetricFilter March = new(Day(2026, 3, 1), Day(2026, 4, 1));
    private readonly CrmDatabase crm = new();
    private readonly Rep ann;

    public SalesAndServiceMetricsTests() => ann = crm.Rep("Ann");

    [Fact]
    public async Task SalesKpis_ComputeRevenueCollectionsForecastWinRateAndCycle()
    {
        var won = crm.Opportunity(ann, Day(2026, 2, 20));
        won.Win(Day(2026, 3, 2), 1000);
        var won2 = crm.Opportunity(ann, Day(2026, 3, 1));
        won2.Win(Day(2026, 3, 5), 500);
        var lost = crm.Opportunity(ann, Day(2026, 3, 1));
        lost.Lose(Day(2026, 3, 3), "price");
        var wonInApril = crm.Opportunity(ann, Day(2026, 3, 1));
        wonInApril.Win(Day(2026, 4, 2), 9999);
        crm.Db.SaveChanges();
        crm.SetForecast(won, Day(2026, 3, 10), 1200, collected: 600);
        crm.SetForecast(won2, Day(2026, 3, 15), 300, collected: 500);
        crm.SetForecast(wonInApril, Day(2026, 5, 1), 5000);

        var kpis = await crm.Metrics.SalesKpisAsync(March);

        Assert.Equal((2L, 1L), (kpis.Won, kpis.Lost));
        Assert.Equal(2.0 / 3, kpis.WinRate!.Value, 9);
        Assert.Equal(1500, kpis.Revenue, 6);
        Assert.Equal(1100, kpis.Collected, 6);
        Assert.Equal(1100.0 / 1500, kpis.CollectionRate!.Value, 9);
        Assert.Equal(1500, kpis.Forecast, 6);
        Assert.Equal(1.0, kpis.ForecastAccuracy!.Value, 9);
        Assert.Equal((10.0 + 4.0) / 2, kpis.AverageCycleDays!.Value, 6);
    }

    [Fact]
    public async Task SalesKpis_CountContactsQuotesCostAndQuoteAccuracy()
    {
        var deal = crm.Opportunity(ann, Day(2026, 3, 1));
        var other = crm.Opportunity(ann, Day(2026, 3, 1));
        crm.Add(new SalesActivity(crm.Next("A"), deal.Id, ann.Id, ActivityType.Visit, Day(2026, 3, 2), cost: 50));
        crm.Add(new SalesActivity(crm.Next("A"), deal.Id, ann.Id, ActivityType.Call, Day(2026, 3, 3), cost: 5));
        crm.Add(new SalesActivity(crm.Next("A"), other.Id, ann.Id, ActivityType.Proposal, Day(2026, 3, 3), cost: 20));
        crm.Add(new SalesActivity(crm.Next("A"), deal.Id, ann.Id, ActivityType.Quote, Day(2026, 3, 4), amount: 1100, cost: 10));
        crm.Add(new SalesActivity(crm.Next("A"), deal.Id, ann.Id, ActivityType.Quote, Day(2026, 3, 6), amount: 950, cost: 10));
        crm.Add(new SalesActivity(crm.Next("A"), other.Id, ann.Id, ActivityType.Quote, Day(2026, 3, 6), amount: 400, cost: 10));
        crm.Add(new SalesActivity(crm.Next("A"), deal.Id, ann.Id, ActivityType.Visit, Day(2026, 2, 6), cost: 999));
        deal.Win(Day(2026, 3, 20), 1000);
        crm.Db.SaveChanges();

        var kpis = await crm.Metrics.SalesKpisAsync(March);
        var mix = await crm.Metrics.ActivityMixAsync(March);

        Assert.Equal((3L, 2L, 3L), (kpis.Contacts, kpis.OpportunitiesContacted, kpis.Quotes));
        Assert.Equal(1.5, kpis.ContactsPerOpportunity!.Value, 9);
        Assert.Equal(105, kpis.SalesCost, 6);
        // Only quotes on won deals count: 1 − 100/1000 = 0.9 and 1 − 50/1000 = 0.95.
        Assert.Equal(0.925, kpis.QuoteAccuracy!.Value, 9);
        Assert.Equal((2L, 1L, 1L, 1L, 3L), (mix.Opportunities, mix.Visits, mix.Calls, mix.Proposals, mix.Quotes));
    }

    [Fact]
    public async Task NewCustomers_AreCountedByCreationDate_AndByOwnerWhenARepIsSelected()
    {
        var inMarch = crm.Add(new Customer("CUS-2", "Beta", "retail", "East", Day(2026, 3, 5)));
        crm.Add(new Customer("CUS-3", "Gamma", "finance", "West", Day(2026, 3, 6)));
        var bob = crm.Rep("Bob");
        crm.Opportunity(bob, Day(2026, 3, 7), customer: inMarch);

        Assert.Equal(2, (await crm.Metrics.SalesKpisAsync(March)).NewCustomers);
        Assert.Equal(1, (await crm.Metrics.SalesKpisAsync(March with { Industry = "finance" })).NewCustomers);
        Assert.Equal(1, (await crm.Metrics.SalesKpisAsync(March with { RepId = bob.Id })).NewCustomers);
        Assert.Equal(0, (await crm.Metrics.SalesKpisAsync(March with { RepId = ann.Id })).NewCustomers);
    }

    [Fact]
    public async Task Service_ComputesNearestRankPercentilesCostSatisfactionAndBacklog()
    {
        var agent = crm.Rep("Agent");
        double[] firstResponseHours = [1, 2, 3, 10];
        foreach (var (hours, i) in firstResponseHours.Select((h, i) => (h, i)))
        {
            var c = new ServiceCase(null, crm.Customer.Id, agent.Id, Day(2026, 3, 10), CaseChannel.Email, "billing", CasePriority.Normal, "Invoice", null);
            c.RespondFirst(Day(2026, 3, 10).AddHours(hours));
            if (i < 2)
            {
                c.Resolve(Day(2026, 3, 10).AddHours(24 * (i + 1)), "Fixed");
                c.RateSatisfaction(4 + i);
            }

            crm.Add(c);
        }

        crm.Add(new ServiceCase(null, crm.Customer.Id, agent.Id, Day(2026, 2, 1), CaseChannel.Phone, "access", CasePriority.High, "Old open case", null));
        crm.Db.Database.ExecuteSqlRaw("UPDATE ServiceCases SET Cost = 10 WHERE Subject = 'Invoice'");

        var service = await crm.Metrics.ServiceAsync(March);

        Assert.Equal((4L, 2L), (service.All.Cases, service.All.Resolved));
        Assert.Equal(2.0, service.All.FirstResponseHours.Median!.Value, 6);
        Assert.Equal(10.0, service.All.FirstResponseHours.P90!.Value, 6);
        Assert.Equal(24.0, service.All.ResolutionHours.Median!.Value, 6);
        Assert.Equal(4.5, service.All.Satisfaction!.Value, 9);
        Assert.Equal(10.0, service.All.CostPerCase!.Value, 9);
        Assert.Equal("billing", Assert.Single(service.ByCategory).Key);
        Assert.Equal("2026-03", Assert.Single(service.ByMonth).Key);
        // At 1 April: two March cases still open (≥ 7 days old), the February case ≥ 30 days.
        Assert.Equal([0L, 0L, 0L, 2L, 1L], service.Backlog.Select(b => b.Cases));
        Assert.Equal(1, service.Previous.Cases);
    }

    [Fact]
    public async Task Feedback_CountsByTypeAndResolution_AndChurnAfterAnUnresolvedComplaint()
    {
        var churned = crm.Add(new Customer("CUS-9", "Leaving Ltd", "retail", "East", Day(2024, 1, 1)));
        churned.Churn(Day(2026, 3, 25));
        var calm = crm.Add(new Customer("CUS-10", "Calm Ltd", "retail", "East", Day(2024, 1, 1)));
        calm.Churn(Day(2026, 3, 26));
        crm.Add(new CustomerFeedback(null, FeedbackChannel.Email, FeedbackType.Complaint, "Late again", Day(2026, 3, 2), churned.Id, category: "late_delivery"));
        var resolved = new CustomerFeedback(null, FeedbackChannel.Phone, FeedbackType.Complaint, "Wrong invoice", Day(2026, 3, 3), calm.Id, category: "invoice_error");
        resolved.Handle(null, "Reissued", Day(2026, 3, 5));
        crm.Add(resolved);
        crm.Add(new CustomerFeedback(null, FeedbackChannel.Survey, FeedbackType.Praise, "Great", Day(2026, 3, 4)));
        crm.Add(new CustomerFeedback(null, FeedbackChannel.Web, FeedbackType.Suggestion, "Add export", Day(2026, 4, 4)));
        crm.Db.SaveChanges();

        var feedback = await crm.Metrics.FeedbackAsync(March);

        var month = Assert.Single(feedback.ByMonth);
        Assert.Equal(("2026-03", 2L, 1L, 0L), (month.Key, month.Complaints, month.Praise, month.Suggestions));
        Assert.Equal((2L, 1L), (feedback.AllComplaints.Complaints, feedback.AllComplaints.Resolved));
        Assert.Equal(0.5, feedback.AllComplaints.ResolutionRate!.Value, 9);
        Assert.Equal(2.0, feedback.AllComplaints.ResolutionDays.Median!.Value, 6);
        Assert.Equal(2, feedback.ByCategory.Count);
        Assert.Equal((2L, 1L), (feedback.ChurnedCustomers, feedback.ChurnedAfterUnresolvedComplaint));
    }

    [Fact]
    public async Task EveryDashboard_OnAnEmptyDatabase_ReturnsEmptyResults()
    {
        var viewer = new MetricViewer(true, null);

        Assert.True((await crm.Metrics.FunnelAsync(March)).IsEmpty);
        Assert.Empty((await crm.Metrics.RepStageMatrixAsync(viewer, March)).Rows);
        Assert.True((await crm.Metrics.ServiceAsync(March)).IsEmpty);
        Assert.True((await crm.Metrics.FeedbackAsync(March)).IsEmpty);
        Assert.Null((await crm.Metrics.OverviewAsync(March)).Current.WinRate);
    }

    public void Dispose() => crm.Dispose();
}
