using KnowledgeKaizen.Insights.PerformerDetection.Retraining;
using KnowledgeKaizen.Insights.Tests.Metrics;

namespace KnowledgeKaizen.Insights.Tests.PerformerDetection.Retraining;

public sealed class StageOutcomeSourceTests
{
    [Fact]
    public async Task ClosedEntries_CarryDealFeatures_PriorDeals_AndTheRepsActivitiesInsideTheStage()
    {
        using var crm = new CrmDatabase();
        var rep = crm.Rep("Ada");
        var other = crm.Rep("Bo");
        var earlier = crm.Opportunity(rep, CrmDatabase.Day(2025, 1, 1));
        earlier.Win(CrmDatabase.Day(2025, 2, 1), 1000);
        var lostBefore = crm.Opportunity(rep, CrmDatabase.Day(2025, 1, 5));
        lostBefore.Lose(CrmDatabase.Day(2025, 2, 10), "price");
        crm.Db.SaveChanges();
        var deal = crm.Opportunity(rep, CrmDatabase.Day(2025, 3, 1), source: LeadSource.Referral);
        var qualify = crm.Stage(deal, crm.Qualify, rep, CrmDatabase.Day(2025, 3, 1), CrmDatabase.Day(2025, 3, 5), advanced: true);
        crm.Stage(deal, crm.Discover, rep, CrmDatabase.Day(2025, 3, 5));
        crm.Add(new SalesActivity(crm.Next("A"), deal.Id, rep.Id, ActivityType.Call, CrmDatabase.Day(2025, 3, 1, 6)));
        crm.Add(new SalesActivity(crm.Next("A"), deal.Id, rep.Id, ActivityType.Visit, CrmDatabase.Day(2025, 3, 3)));
        crm.Add(new SalesActivity(crm.Next("A"), deal.Id, other.Id, ActivityType.Visit, CrmDatabase.Day(2025, 3, 2)));
        crm.Add(new SalesActivity(crm.Next("A"), deal.Id, rep.Id, ActivityType.Proposal, CrmDatabase.Day(2025, 3, 8)));

        var rows = await new StageOutcomeSource(crm.Db).LoadAsync(null, null);

        var row = Assert.Single(rows);
        Assert.Equal(rep.Id, row.RepId);
        Assert.Equal("qualify", row.Stage);
        Assert.True(row.Advanced);
        Assert.Equal("Referral", row.Source);
        Assert.Equal(2, row.CustomerPriorDeals);
        Assert.Equal(1, row.CustomerPriorWins);
        Assert.Equal(4, row.DaysInStage, 3);
        Assert.Equal(1, row.VisitsAtStage);
        Assert.Equal(1, row.CallsAtStage);
        Assert.Equal(0, row.ProposalsAtStage);
        Assert.Equal(6, row.HoursToFirstActivity!.Value, 3);
        Assert.Equal(qualify.EnteredAt, row.EnteredAt);
    }

    [Fact]
    public async Task Period_SelectsEntriesByTheDayTheyWereDecided()
    {
        using var crm = new CrmDatabase();
        var rep = crm.Rep("Ada");
        var deal = crm.Opportunity(rep, CrmDatabase.Day(2025, 1, 1));
        crm.Stage(deal, crm.Qualify, rep, CrmDatabase.Day(2025, 1, 1), CrmDatabase.Day(2025, 1, 20), advanced: true);
        crm.Stage(deal, crm.Discover, rep, CrmDatabase.Day(2025, 1, 20), CrmDatabase.Day(2025, 2, 10), advanced: false);
        var source = new StageOutcomeSource(crm.Db);

        var february = await source.LoadAsync(CrmDatabase.Day(2025, 2, 1), CrmDatabase.Day(2025, 3, 1));

        var row = Assert.Single(february);
        Assert.Equal("discover", row.Stage);
        Assert.False(row.Advanced);
        Assert.Equal(2, (await source.LoadAsync(null, null)).Count);
    }
}
