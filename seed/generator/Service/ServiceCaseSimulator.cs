using KnowledgeKaizen.SeedGenerator.Output;
using KnowledgeKaizen.SeedGenerator.People;

namespace KnowledgeKaizen.SeedGenerator.Service;

/// <summary>What feedback needs to know about a written case.</summary>
internal sealed record CaseFacts(
    string Id, DemoCustomer Customer, DemoRep Agent, DateTime OpenedAt, double FirstResponseHours,
    double ExpectedFirstResponseHours, DateTime? ResolvedAt, double ResolutionHours, double TypicalHours,
    int Category, int? Satisfaction, bool Escalated);

/// <summary>
/// Service cases: first response by channel and priority, resolution time by category and priority,
/// satisfaction falling with resolution time; churned customers leave an unresolved escalation behind.
/// </summary>
internal sealed class ServiceCaseSimulator(DemoDataOptions options, IReadOnlyList<DemoRep> reps, CustomerDirectory customers)
{
    public static readonly string[] Header =
    [
        "external_id", "customer_id", "agent_id", "opened_at", "first_response_at", "resolved_at", "channel", "category",
        "priority", "satisfaction", "cost", "subject", "description", "resolution",
    ];

    private static readonly (string Code, double Weight, double FirstResponseHours, double Cost)[] Channels =
    [
        ("phone", 30, 0.15, 15), ("email", 30, 4, 10), ("chat", 15, 0.05, 8), ("web", 15, 8, 8), ("onsite", 10, 6, 180),
    ];

    private static readonly (string Code, double Weight, double ResponseFactor, double ResolutionFactor)[] Priorities =
    [
        ("low", 25, 1.5, 1.6), ("normal", 45, 1, 1), ("high", 22, 0.6, 0.6), ("urgent", 8, 0.3, 0.35),
    ];

    private readonly Random _random = RandomExtensions.Derive(options.Seed, 4);

    public IReadOnlyList<CaseFacts> Write(string path)
    {
        var plans = PlanCases();
        var agents = Enumerable.Range(0, 4).Select(r => reps.Where(x => !x.IsSales && x.Region == r).ToList()).ToArray();
        var filler = new TextFiller(_random);
        var facts = new List<CaseFacts>(plans.Count);
        using var csv = CsvFileWriter.Create(path, Header);
        foreach (var (opened, customer, escalated) in plans)
        {
            var agent = _random.Pick(agents[customer.Region]);
            var channel = _random.PickWeighted(Channels.Select(c => (c, c.Weight)).ToList());
            var priority = escalated ? Priorities[2] : _random.PickWeighted(Priorities.Select(p => (p, p.Weight)).ToList());
            var category = escalated
                ? _random.Pick([1, 2, 6])
                : _random.PickWeighted(ServiceTexts.Categories.Select((_, i) => (i, ServiceTexts.CategoryWeights[i])).ToList());
            var expectedResponse = channel.FirstResponseHours * priority.ResponseFactor;
            var response = _random.NextLogNormal(expectedResponse, 0.7);
            var typical = ServiceTexts.ResolutionHours[category] * priority.ResolutionFactor;
            var hours = Math.Max(response + 0.1, _random.NextLogNormal(typical, 0.7));
            var firstResponse = Times.Minute(opened.AddHours(response));
            DateTime? resolved = escalated || opened.AddHours(hours) >= options.End ? null : Times.Minute(opened.AddHours(hours));
            int? satisfaction = resolved is null || _random.Chance(0.2)
                ? null
                : (int)Math.Clamp(Math.Round(4.6 - (0.9 * Math.Log(hours / typical)) + _random.NextNormal(0, 0.6)), 1, 5);
            var cost = (decimal)(channel.Cost + (_random.NextLogNormal(1.0, 0.6) * 45 * (resolved is null ? 1.5 : 1)));
            var id = $"CASE-{facts.Count + 1:000000}";
            var texts = ServiceTexts.For(category, customer.IsChinese);
            filler.NewRecord(agent.Name);
            var joiner = customer.IsChinese ? string.Empty : " ";
            var problem = _random.Next(texts.Descriptions.Length);
            var cause = texts.CauseOf(category, problem);
            var resolution = resolved is null
                ? null
                : string.Join(joiner, filler.Fill(_random.Pick(customer.IsChinese ? ServiceTexts.ContactChinese : ServiceTexts.ContactEnglish)), filler.Fill(texts.Causes[cause]), filler.Fill(texts.Actions[cause]), filler.Fill(_random.Pick(texts.FollowUps)));
            csv.Field(id).Field(customer.Id).Field(agent.Id).Field(opened).Field(firstResponse < options.End ? firstResponse : null)
                .Field(resolved).Field(channel.Code).Field(ServiceTexts.Categories[category]).Field(priority.Code)
                .Field(satisfaction).Field(Math.Round(cost, 2)).Field(filler.Fill(texts.Subjects[problem]))
                .Field(filler.Fill(texts.Descriptions[problem])).Field(resolution).EndRow();
            facts.Add(new CaseFacts(id, customer, agent, opened, response, expectedResponse, resolved, hours, typical, category, satisfaction, escalated));
        }

        return facts;
    }

    /// <summary>Opening times (weekdays busier), plus one escalation per churned customer that complained.</summary>
    private List<(DateTime Opened, DemoCustomer Customer, bool Escalated)> PlanCases()
    {
        var plans = new List<(DateTime, DemoCustomer, bool)>(options.ServiceCases + 200);
        var span = (options.End - options.Start).TotalHours;
        while (plans.Count < options.ServiceCases)
        {
            var opened = Times.Minute(options.Start.AddHours(_random.NextDouble() * span));
            if (opened.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && !_random.Chance(0.25))
            {
                continue;
            }

            plans.Add((opened, customers.Pick(_random, opened), false));
        }

        foreach (var customer in customers.All.Where(c => ChurnedAfterComplaint(c, options.Seed)))
        {
            var churned = customer.ChurnedAt!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            plans.Add((Times.Minute(churned.AddDays(-_random.Between(45, 110))), customer, true));
        }

        plans.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return plans;
    }

    /// <summary>About 70 % of churned customers churned after an unresolved complaint; decided per customer.</summary>
    public static bool ChurnedAfterComplaint(DemoCustomer customer, int seed) =>
        customer.ChurnedAt is not null && RandomExtensions.Derive(seed, 100 + customer.Index).Chance(0.7);
}
