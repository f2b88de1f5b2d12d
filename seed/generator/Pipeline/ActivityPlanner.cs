using KnowledgeKaizen.SeedGenerator.Model;
using KnowledgeKaizen.SeedGenerator.People;

namespace KnowledgeKaizen.SeedGenerator.Pipeline;

/// <summary>
/// Decides the activities of one stage visit. Standouts and laggards leave a behavioural signature at their
/// stage (documented in the README) so an explanation step can find what they do differently.
/// </summary>
internal sealed class ActivityPlanner(Random random)
{
    /// <summary>Median days per stage before the stage is decided.</summary>
    private static readonly double[] MedianDays = [4, 10, 7, 5, 12, 6];

    /// <summary>Days from entering the stage to its key activity (first call, proposal, quote), if it has one.</summary>
    public double? KeyActivityOffset(int stage, DemoRep rep)
    {
        var strong = IsPlanted(rep, stage, PlantedRole.Standout);
        var weak = IsPlanted(rep, stage, PlantedRole.Laggard);
        return stage switch
        {
            Catalog.Qualify => strong ? random.Between(0.03, 0.4) : random.NextLogNormal(1.2, 0.6),
            Catalog.Propose => strong ? random.Between(0.5, 1.8) : random.Between(3, 8),
            Catalog.Quote => strong ? random.Between(0.2, 1.0) : weak ? random.Between(5, 10) : random.Between(1.5, 5),
            _ => null,
        };
    }

    /// <summary>How long the stage takes; never shorter than its key activity.</summary>
    public double Duration(int stage, decimal amount, double? keyOffset)
    {
        var size = amount >= 200_000m ? 1.5 : amount >= 50_000m ? 1.25 : 1.0;
        var days = random.NextLogNormal(MedianDays[stage] * size, 0.5);
        return keyOffset is { } offset ? Math.Max(days, offset + random.Between(0.5, 3)) : days;
    }

    /// <summary>
    /// Adds the stage's activities inside [entered, until) and returns the stage's signature value
    /// (see <see cref="Truth.TruthTally"/>), or null when the stage has none or it was cut off.
    /// </summary>
    public double? Plan(
        List<ActivityRow> into, Func<string> nextId, string opportunityId, DemoRep rep, int stage,
        DateTime created, DateTime entered, DateTime until, double? keyOffset, decimal quoteAmount)
    {
        var strong = IsPlanted(rep, stage, PlantedRole.Standout);
        var weak = IsPlanted(rep, stage, PlantedRole.Laggard);
        var window = (until - entered).TotalDays;

        void Add(string type, double offsetDays, decimal? amount, decimal cost)
        {
            if (offsetDays < window)
            {
                into.Add(new ActivityRow(nextId(), opportunityId, rep.Id, type, Times.Minute(entered.AddDays(offsetDays)), amount, cost));
            }
        }

        void Calls(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Add("call", random.NextDouble() * window, null, Cost(12, 0.4));
            }
        }

        switch (stage)
        {
            case Catalog.Qualify:
                Add("call", keyOffset!.Value, null, Cost(12, 0.4));
                Calls(strong ? 1 + random.NextPoisson(0.6) : random.NextPoisson(0.3));
                return keyOffset < window ? (entered.AddDays(keyOffset.Value) - created).TotalHours : null;
            case Catalog.Discover:
                var visits = strong ? 2 + random.NextPoisson(0.5) : weak ? (random.Chance(0.1) ? 1 : 0) : VisitsOrdinary();
                var made = 0;
                for (var i = 0; i < visits; i++)
                {
                    var at = random.NextDouble() * window;
                    Add("visit", at, null, Cost(260, 0.35));
                    made += at < window ? 1 : 0;
                }

                Calls(1 + random.NextPoisson(0.4));
                return made;
            case Catalog.Propose:
                Add("proposal", keyOffset!.Value, null, Cost(380, 0.4));
                Calls(random.NextPoisson(0.8));
                return keyOffset < window ? keyOffset : null;
            case Catalog.Quote:
                Add("quote", keyOffset!.Value, quoteAmount, Cost(110, 0.3));
                Calls(random.NextPoisson(0.7));
                return keyOffset < window ? keyOffset : null;
            case Catalog.Negotiate:
                var visited = random.Chance(strong ? 0.85 : 0.25);
                if (visited)
                {
                    Add("visit", random.NextDouble() * window * 0.6, null, Cost(260, 0.35));
                }

                Calls(1 + random.NextPoisson(1.0));
                return visited ? 1 : 0;
            default:
                Calls(1);
                if (random.Chance(0.3))
                {
                    Add("visit", random.NextDouble() * window, null, Cost(260, 0.35));
                }

                return null;
        }
    }

    /// <summary>Quote error against the final price: standouts at quote are accurate, laggards far off.</summary>
    public decimal QuoteAmount(DemoRep rep, decimal finalAmount)
    {
        var error = IsPlanted(rep, Catalog.Quote, PlantedRole.Standout) ? random.NextNormal(0.015, 0.02)
            : IsPlanted(rep, Catalog.Quote, PlantedRole.Laggard) ? random.NextNormal(0.16, 0.08)
            : random.NextNormal(0.07, 0.06);
        return Math.Round(finalAmount * (decimal)(1 + error) / 10m) * 10m;
    }

    private int VisitsOrdinary() => random.Chance(0.55) ? (random.Chance(0.2) ? 2 : 1) : 0;

    private decimal Cost(double median, double sigma) => Math.Round((decimal)random.NextLogNormal(median, sigma), 2);

    private static bool IsPlanted(DemoRep rep, int stage, PlantedRole role) => rep.Planted == role && rep.PlantedStage == stage;
}
