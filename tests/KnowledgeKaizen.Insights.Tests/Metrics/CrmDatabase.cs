using KnowledgeKaizen.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Insights.Tests.Metrics;

/// <summary>An in-memory SQLite CRM with helpers to plant small, hand-countable datasets.</summary>
public sealed class CrmDatabase : IDisposable
{
    private readonly InMemoryDatabase database = new();
    private int sequence;

    public CrmDatabase()
    {
        Db = database.NewContext();
        Qualify = Add(new SalesStage("qualify", "Lead qualification", "线索确认", 1));
        Discover = Add(new SalesStage("discover", "Discovery visit", "需求调研", 2));
        Customer = Add(new Customer("CUS-1", "Acme", "retail", "East", Day(2024, 1, 1)));
    }

    public KnowledgeKaizenDbContext Db { get; }

    public SalesStage Qualify { get; }

    public SalesStage Discover { get; }

    public Customer Customer { get; }

    public ProcessMetrics Metrics => new(Db);

    public static DateTime Day(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    public T Add<T>(T entity) where T : class
    {
        Db.Add(entity);
        Db.SaveChanges();
        return entity;
    }

    public string Next(string prefix) => $"{prefix}-{++sequence}";

    public Rep Rep(string name, string team = "East-1", string region = "East", string? email = null) =>
        Add(new Rep(Next("REP"), name, team, region, RepRole.Sales, email));

    public Opportunity Opportunity(Rep owner, DateTime created, string industry = "retail", LeadSource source = LeadSource.Web, Customer? customer = null) =>
        Add(new Opportunity(Next("OPP"), (customer ?? Customer).Id, owner.Id, 1000, industry, source, owner.Region, created));

    /// <summary>A stage entry; outcome open when <paramref name="leftAt"/> is null.</summary>
    public StageHistoryEntry Stage(Opportunity opportunity, SalesStage stage, Rep rep, DateTime entered, DateTime? leftAt = null, bool advanced = true)
    {
        var entry = new StageHistoryEntry(Next("SH"), opportunity.Id, stage.Id, rep.Id, entered);
        if (leftAt is { } left)
        {
            if (advanced)
            {
                entry.Advance(left);
            }
            else
            {
                entry.Lose(left);
            }
        }

        return Add(entry);
    }

    /// <summary>The domain model has no behaviour for forecasts and collections yet, so tests set the columns directly.</summary>
    public void SetForecast(Opportunity opportunity, DateTime expectedClose, double forecast, double? collected = null)
    {
        Db.Database.ExecuteSql($"UPDATE Opportunities SET ExpectedCloseAt = {expectedClose}, ForecastAmount = {forecast}, CollectedAmount = {collected} WHERE Id = {opportunity.Id}");
    }

    public void Dispose()
    {
        Db.Dispose();
        database.Dispose();
    }
}
