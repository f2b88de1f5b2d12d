using static KnowledgeKaizen.Insights.Tests.Metrics.CrmDatabase;

namespace KnowledgeKaizen.Insights.Tests.Metrics;

public sealed class MetricFilterParserTests
{
    private static readonly DateTime Now = Day(2026, 11, 27, 15);

    private static (MetricFilter Filter, IReadOnlyList<FilterNotice> Notices) Parse(params (string Key, string Value)[] query) =>
        MetricFilterParser.Parse(k => query.FirstOrDefault(q => q.Key == k).Value, Now);

    [Fact]
    public void NoParameters_GiveTheTwelveMonthsUpToToday()
    {
        var (filter, notices) = Parse();

        Assert.Equal((Day(2025, 11, 28), Day(2026, 11, 28)), (filter.From, filter.To));
        Assert.Empty(notices);
    }

    [Fact]
    public void ValidParameters_RoundTripThroughTheQueryString()
    {
        var (filter, notices) = Parse(("from", "2026-01-01"), ("to", "2026-03-31"), ("team", "East-1"), ("region", "East"),
            ("rep", "7"), ("stage", "quote"), ("industry", "retail"), ("source", "Referral"));

        Assert.Empty(notices);
        Assert.Equal(new MetricFilter(Day(2026, 1, 1), Day(2026, 4, 1), "East-1", "East", 7, "quote", "retail", LeadSource.Referral), filter);
        var again = MetricFilterParser.Parse(k => filter.ToQuery().GetValueOrDefault(k), Now).Filter;
        Assert.Equal(filter, again);
    }

    [Fact]
    public void InvalidValues_AreIgnoredWithANoticeEach()
    {
        var (filter, notices) = Parse(("from", "yesterday"), ("rep", "-3"), ("source", "carrier-pigeon"), ("team", new string('x', 500)));

        Assert.Equal(MetricFilter.Default(Now), filter);
        Assert.Equal(["from", "team", "rep", "source"], notices.Select(n => n.Parameter));
    }

    [Fact]
    public void NumericSource_IsNotMistakenForAnEnumValue()
    {
        var (filter, notices) = Parse(("source", "2"));

        Assert.Null(filter.Source);
        Assert.Single(notices);
    }

    [Fact]
    public void ReversedRange_IsSwappedWithANotice()
    {
        var (filter, notices) = Parse(("from", "2026-03-31"), ("to", "2026-01-01"));

        Assert.Equal((Day(2026, 1, 1), Day(2026, 4, 1)), (filter.From, filter.To));
        Assert.Equal(MetricFilterParser.Swapped, Assert.Single(notices).Message);
    }

    [Fact]
    public void PreviousPeriod_HasTheSameLengthAndEndsWhereThePeriodStarts()
    {
        var filter = new MetricFilter(Day(2026, 3, 1), Day(2026, 4, 1), RepId: 3);

        var previous = filter.PreviousPeriod();

        Assert.Equal((Day(2026, 1, 29), Day(2026, 3, 1), 3L), (previous.From, previous.To, previous.RepId!.Value));
    }

    [Fact]
    public void Viewer_WhoIsNotAManager_LosesRepTeamAndRegionFilters()
    {
        var filter = new MetricFilter(Day(2026, 3, 1), Day(2026, 4, 1), "East-1", "East", 5, Industry: "retail");

        var (scoped, restricted) = new MetricViewer(false, 5).Scope(filter);
        var (managerScoped, managerRestricted) = new MetricViewer(true, null).Scope(filter);

        Assert.True(restricted);
        Assert.Equal(filter with { Team = null, Region = null, RepId = null }, scoped);
        Assert.False(managerRestricted);
        Assert.Equal(filter, managerScoped);
    }
}
