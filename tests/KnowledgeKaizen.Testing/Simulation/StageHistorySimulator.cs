using System.Globalization;
using KnowledgeKaizen.Insights.PerformerDetection;

namespace KnowledgeKaizen.Testing.Simulation;

/// <summary>
/// Deterministic generator: logistic truth from stage, amount, industry, region, source, customer history and
/// season, plus rare rep effects per stage; standouts work harder deals and log more activity.
/// </summary>
public static class StageHistorySimulator
{
    private static readonly (string Code, double Logit, double Weight)[] Stages = [("Qualify", 0.4, 0.35), ("Discover", 0.0, 0.25), ("Propose", -0.3, 0.22), ("Negotiate", 0.3, 0.18)];
    private static readonly (string Name, double Logit)[] Industries = [("Manufacturing", 0.3), ("Retail", 0.0), ("Finance", -0.4), ("Public", -0.6), ("Technology", 0.2)];
    private static readonly (string Name, double Logit)[] Regions = [("North", 0.1), ("South", -0.1), ("East", 0.0), ("West", 0.05)];
    private static readonly (string Name, double Logit)[] Sources = [("Referral", 0.6), ("Inbound", 0.2), ("Outbound", -0.5), ("Partner", 0.1)];
    private static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static SimulatedHistory Generate(SimulationSettings settings)
    {
        var truth = new Random(settings.Seed);
        var reps = Enumerable.Range(1, settings.Reps).Select(i => (long)i).ToArray();
        var volume = reps.Select(_ => Math.Exp(0.6 * Gaussian(truth))).ToArray();
        var effects = new Dictionary<(long Rep, string Stage), double>();
        var hard = new bool[reps.Length];
        for (var r = 0; r < reps.Length; r++)
        {
            foreach (var stage in Stages)
            {
                var u = truth.NextDouble();
                var effect = u < settings.StandoutShare ? settings.EffectSize : u < settings.StandoutShare + settings.CoachingShare ? -settings.EffectSize : 0;
                effects[(reps[r], stage.Code)] = effect;
                hard[r] |= effect > 0 && settings.StandoutsGetHarderDeals;
            }
        }

        // Every rep has a territory: their own source and industry tilt, so deal mixes differ between reps.
        var sourceTilt = reps.Select(_ => Sources.Select(_ => truth.NextDouble() + 0.3).ToArray()).ToArray();
        var industryTilt = reps.Select(_ => Industries.Select(_ => truth.NextDouble() + 0.3).ToArray()).ToArray();
        var regionOf = reps.Select(_ => truth.Next(Regions.Length)).ToArray();
        var cumulative = Cumulative(volume);
        var stageCumulative = Cumulative(Stages.Select(s => s.Weight).ToArray());

        var rng = new Random(unchecked((settings.Seed * 7919) + (settings.Period * 104729) + 1));
        var rows = new StageOutcomeObservation[settings.Rows];
        for (var i = 0; i < rows.Length; i++)
        {
            var r = Pick(cumulative, rng.NextDouble());
            var stage = Stages[Pick(stageCumulative, rng.NextDouble())];
            var effect = effects[(reps[r], stage.Code)];
            rows[i] = settings.DealsDiffer
                ? VariedDeal(rng, settings.Period, reps[r], stage, effect, hard[r], sourceTilt[r], industryTilt[r], Regions[regionOf[r]], i)
                : AlikeDeal(rng, settings.Period, reps[r], stage, effect, i);
        }

        return new SimulatedHistory(rows, effects);
    }

    private static StageOutcomeObservation VariedDeal(
        Random rng, int period, long rep, (string Code, double Logit, double Weight) stage, double effect, bool hard,
        double[] sourceTilt, double[] industryTilt, (string Name, double Logit) region, int index)
    {
        var source = Sources[Pick(Cumulative(Tilt(sourceTilt, hard ? 2 : -1, 2.5)), rng.NextDouble())];
        var industry = Industries[Pick(Cumulative(Tilt(industryTilt, hard ? 3 : -1, 2.5)), rng.NextDouble())];
        var logAmount = Math.Log(20000) + Gaussian(rng) + (hard ? 0.9 : 0);
        var priorDeals = Math.Min(8, Poisson(rng, hard ? 0.8 : 1.6));
        var priorWins = Enumerable.Range(0, priorDeals).Count(_ => rng.NextDouble() < 0.5);
        var entered = Start.AddDays((period * 365) + rng.Next(365));
        var logit = stage.Logit + industry.Logit + region.Logit + source.Logit
            - (0.35 * (logAmount - Math.Log(20000)))
            + (1.2 * (((priorWins + 1.0) / (priorDeals + 2.0)) - 0.5)) + (0.05 * priorDeals)
            + (0.25 * Math.Sin(2 * Math.PI * entered.Month / 12.0))
            + effect;
        return Observation(rng, rep, stage.Code, index, Math.Exp(logAmount), industry.Name, region.Name, source.Name, priorDeals, priorWins, entered, logit, effect);
    }

    private static StageOutcomeObservation AlikeDeal(Random rng, int period, long rep, (string Code, double Logit, double Weight) stage, double effect, int index) =>
        Observation(rng, rep, stage.Code, index, 20000, "Retail", "East", "Inbound", 0, 0, Start.AddDays(period * 365), stage.Logit + effect, effect);

    private static StageOutcomeObservation Observation(
        Random rng, long rep, string stage, int index, double amount, string industry, string region, string source,
        int priorDeals, int priorWins, DateTime entered, double logit, double effect)
    {
        var advanced = rng.NextDouble() < 1 / (1 + Math.Exp(-logit));
        var sign = Math.Sign(effect);
        return new StageOutcomeObservation(
            rep, stage, "O" + index.ToString("0000000", CultureInfo.InvariantCulture), Math.Round(amount, 2), industry, region, source,
            priorDeals, priorWins, entered, Math.Round(-Math.Log(1 - rng.NextDouble()) * (advanced ? 8 : 15), 1), advanced)
        {
            VisitsAtStage = Poisson(rng, 2 + sign),
            CallsAtStage = Poisson(rng, 4 + (1.5 * sign)),
            ProposalsAtStage = Poisson(rng, 0.6 + (0.3 * sign)),
            QuotesAtStage = Poisson(rng, 0.8),
            HoursToFirstActivity = Math.Round(-Math.Log(1 - rng.NextDouble()) * (sign > 0 ? 10 : 24), 1),
        };
    }

    /// <summary>Boosts (or for index −1 leaves) one category of a rep's tilt.</summary>
    private static double[] Tilt(double[] tilt, int boosted, double factor) =>
        boosted < 0 ? tilt : tilt.Select((w, k) => k == boosted ? w * factor : w).ToArray();

    private static double[] Cumulative(double[] weights)
    {
        var total = weights.Sum();
        var result = new double[weights.Length];
        double run = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            run += weights[i] / total;
            result[i] = run;
        }

        return result;
    }

    private static int Pick(double[] cumulative, double u)
    {
        var k = Array.BinarySearch(cumulative, u);
        return Math.Min(k >= 0 ? k : ~k, cumulative.Length - 1);
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static int Poisson(Random rng, double lambda)
    {
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit)
        {
            k++;
            p *= rng.NextDouble();
        }

        return k;
    }
}
