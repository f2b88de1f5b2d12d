using KnowledgeKaizen.SeedGenerator.Output;
using KnowledgeKaizen.SeedGenerator.People;
using KnowledgeKaizen.SeedGenerator.Service;

namespace KnowledgeKaizen.SeedGenerator.Feedback;

/// <summary>One planned feedback item before ids are assigned in time order.</summary>
internal sealed record FeedbackPlan(
    DateTime ReceivedAt, DemoCustomer? Customer, CaseFacts? Case, string Channel, FeedbackCategory Category, int? Score, bool Unresolved);

/// <summary>
/// Feedback from three sources: post-case surveys (type follows satisfaction), complaints that precede a
/// churn and stay unresolved, and standalone feedback whose complaint themes follow fixed weights, with one
/// theme spiking for a few months.
/// </summary>
internal sealed class FeedbackSimulator(DemoDataOptions options, IReadOnlyList<DemoRep> reps, CustomerDirectory customers)
{
    public static readonly string[] Header =
    [
        "external_id", "customer_id", "case_id", "channel", "type", "category", "text", "score", "received_at",
        "handled_by", "handling_record", "resolved_at",
    ];

    /// <summary>Weights of the standalone complaint themes outside the spike.</summary>
    public static readonly (string Code, double Weight)[] ThemeWeights =
    [
        ("invoice_error", 22), ("late_delivery", 20), ("slow_response", 20), ("installation", 15), ("product_quality", 13), ("pricing", 10),
    ];

    private static readonly string[] CaseThemes = ["product_quality", "invoice_error", "late_delivery", "slow_response", "slow_response", "product_quality", "installation", "product_quality"];
    private static readonly (string Code, double Weight)[] StandaloneChannels = [("email", 30), ("phone", 25), ("web", 20), ("social", 10), ("chat", 15)];
    private readonly Random _random = RandomExtensions.Derive(options.Seed, 5);

    /// <summary>Complaints written per theme and month (yyyy-MM).</summary>
    public SortedDictionary<string, SortedDictionary<string, int>> MonthlyComplaints { get; } = new(StringComparer.Ordinal);

    public bool InSpike(DateTime when)
    {
        var start = options.SpikeStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return when >= start && when < start.AddMonths(options.SpikeMonths);
    }

    public int Write(string path, IReadOnlyList<CaseFacts> cases)
    {
        var plans = new List<FeedbackPlan>(options.FeedbackItems + 400);
        PlanSurveys(plans, cases);
        PlanChurnComplaints(plans, cases);
        PlanStandalone(plans, options.FeedbackItems - plans.Count);
        plans.Sort((a, b) => a.ReceivedAt.CompareTo(b.ReceivedAt));

        var agents = Enumerable.Range(0, 4).Select(r => reps.Where(x => !x.IsSales && x.Region == r).ToList()).ToArray();
        var filler = new TextFiller(_random);
        using var csv = CsvFileWriter.Create(path, Header);
        foreach (var plan in plans)
        {
            var region = plan.Customer?.Region ?? _random.Next(4);
            var agent = plan.Case?.Agent ?? _random.Pick(agents[region]);
            var chinese = plan.Customer?.IsChinese ?? _random.Chance(1.0 / 3);
            var category = plan.Category;
            filler.NewRecord(agent.Name);
            var text = filler.Fill(_random.Pick(chinese ? category.Chinese : category.English));
            DateTime? resolved = null;
            string? record = null;
            var handled = plan.Unresolved || category.Type != "praise" || _random.Chance(0.6);
            if (plan.Unresolved)
            {
                record = _random.Pick(chinese ? FeedbackTexts.UnresolvedChinese : FeedbackTexts.UnresolvedEnglish);
            }
            else if (handled)
            {
                var days = category.Type switch { "complaint" => _random.NextLogNormal(3, 0.7), "praise" => _random.Between(0.05, 1), _ => _random.Between(1, 14) };
                var at = Times.Minute(plan.ReceivedAt.AddDays(days));
                var isOpenComplaint = category.Type == "complaint" && _random.Chance(0.08);
                if (at < options.End && !isOpenComplaint)
                {
                    resolved = at;
                    record = filler.Fill(_random.Pick(chinese ? category.HandlingChinese : category.HandlingEnglish));
                }
            }

            if (category.Type == "complaint")
            {
                Count(category.Code, plan.ReceivedAt);
            }

            csv.Field($"FB-{csv.Rows + 1:000000}").Field(plan.Customer?.Id).Field(plan.Case?.Id).Field(plan.Channel)
                .Field(category.Type).Field(category.Code).Field(text).Field(plan.Score).Field(plan.ReceivedAt)
                .Field(handled ? agent.Id : null).Field(record).Field(resolved).EndRow();
        }

        return (int)csv.Rows;
    }

    private void Count(string theme, DateTime when)
    {
        if (!MonthlyComplaints.TryGetValue(theme, out var months))
        {
            MonthlyComplaints[theme] = months = new SortedDictionary<string, int>(StringComparer.Ordinal);
        }

        var key = when.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        months[key] = months.GetValueOrDefault(key) + 1;
    }

    /// <summary>About 30 % of rated cases get a survey answer whose type follows the rating.</summary>
    private void PlanSurveys(List<FeedbackPlan> plans, IReadOnlyList<CaseFacts> cases)
    {
        foreach (var c in cases)
        {
            if (c.Satisfaction is not { } score || !_random.Chance(0.3))
            {
                continue;
            }

            var at = Times.Minute(c.ResolvedAt!.Value.AddDays(_random.Between(0.2, 5)));
            if (at >= options.End)
            {
                continue;
            }

            var slow = c.FirstResponseHours > 2 * c.ExpectedFirstResponseHours || c.ResolutionHours > 2 * c.TypicalHours;
            var code = score switch
            {
                >= 4 => c.ResolutionHours < c.TypicalHours ? "fast_resolution" : "helpful_staff",
                <= 2 => slow ? "slow_response" : CaseThemes[c.Category],
                _ => _random.Chance(0.5) ? "portal_usability" : "reporting",
            };
            plans.Add(new FeedbackPlan(at, c.Customer, c, "survey", FeedbackTexts.Get(code), score, false));
        }
    }

    /// <summary>Each escalated case of a churning customer draws one to three unresolved complaints.</summary>
    private void PlanChurnComplaints(List<FeedbackPlan> plans, IReadOnlyList<CaseFacts> cases)
    {
        foreach (var c in cases.Where(c => c.Escalated))
        {
            var theme = FeedbackTexts.Get(CaseThemes[c.Category]);
            var churned = c.Customer.ChurnedAt!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var count = 1 + _random.Next(3);
            for (var i = 0; i < count; i++)
            {
                var at = Times.Minute(c.OpenedAt.AddDays(_random.Between(2, (churned - c.OpenedAt).TotalDays - 1)));
                var channel = _random.PickWeighted([("email", 2.0), ("phone", 2.0), ("social", 1.0)]);
                plans.Add(new FeedbackPlan(at, c.Customer, c, channel, theme, 1, true));
            }
        }
    }

    private void PlanStandalone(List<FeedbackPlan> plans, int count)
    {
        var span = (options.End - options.Start).TotalHours;
        for (var made = 0; made < count; made++)
        {
            var at = Times.Minute(options.Start.AddHours(_random.NextDouble() * span));
            var type = _random.PickWeighted([("complaint", 42.0), ("praise", 33.0), ("suggestion", 25.0)]);
            var category = type switch
            {
                "complaint" => FeedbackTexts.Get(_random.PickWeighted(ThemeWeights
                    .Select(t => (t.Code, t.Code == options.SpikeTheme && InSpike(at) ? t.Weight * options.SpikeFactor : t.Weight)).ToList())),
                "praise" => _random.Pick(FeedbackTexts.Praise),
                _ => _random.Pick(FeedbackTexts.Suggestions),
            };
            var channel = _random.PickWeighted(StandaloneChannels);
            var customer = channel == "social" && _random.Chance(0.5) ? null : customers.Pick(_random, at);
            int? score = type switch
            {
                "complaint" => _random.Chance(0.8) ? _random.Next(1, 3) : 3,
                "praise" => _random.Next(4, 6),
                _ => _random.Chance(0.5) ? _random.Next(3, 5) : null,
            };
            plans.Add(new FeedbackPlan(at, customer, null, channel, category, score, false));
        }

    }
}
