using System.Globalization;
using KnowledgeKaizen.Insights.PerformerDetection;

namespace KnowledgeKaizen.Testing.Simulation;

/// <summary>
/// Deterministic generator: logistic truth from stage, amount, industry, region, source, customer history and
/// season, plus rare rep effects per stage; standouts work harder deals (laggards easier ones, when asked) and log more
/// activity. With both effect shares at 0 it is data with no rep effects at all.
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
        var mix = new Mix[reps.Length];
        for (var r = 0; r < reps.Length; r++)
        {
            bool standout = false, laggard = false;
            foreach (var stage in Stages)
            {
                var u = truth.NextDouble();
                var effect = u < settings.StandoutShare ? settings.EffectSize : u < settings.StandoutShare + settings.CoachingShare ? -settings.EffectSize : 0;
                effects[(reps[r], stage.Code)] = effect;
                standout |= effect > 0;
                laggard |= effect < 0;
            }

            mix[r] = standout && settings.StandoutsGetHarderDeals ? Mix.Hard : laggard && settings.LaggardsGetEasierDeals ? Mix.Easy : Mix.Own;
        }

        // Every rep has a territory: their own source and industry tilt, so deal mixes differ between reps.
        var sourceTilt = reps.Select(_ => Sources.Select(_ => Math.Pow(truth.NextDouble() + 0.3, settings.MixStrength)).ToArray()).ToArray();
        var industryTilt = reps.Select(_ => Industries.Select(_ => Math.Pow(truth.NextDouble() + 0.3, settings.MixStrength)).ToArray()).ToArray();
        var regionOf = reps.Select(_ => truth.Next(Regions.Length)).ToArray();
        var cumulative = Cumulative(volume);
        var stageCumulative = Cumulative(Stages.Select(s => s.Weight).ToArray());

        var rng = new Random(unchecked((settings.Seed * 7919) + (settings.Period * 104729) + 1));
        var rows = new StageOutcomeObservation[settings.Rows];
        var dealProbabilities = new double[settings.Rows];
        for (var i = 0; i < rows.Length; i++)
        {
            var r = Pick(cumulative, rng.NextDouble());
            var stage = Stages[Pick(stageCumulative, rng.NextDouble())];
            var effect = effects[(reps[r], stage.Code)];
            var shift = settings.ApplyEffects ? effect : 0;
            (rows[i], var dealLogit) = settings.DealsDiffer
                ? VariedDeal(rng, settings.Period, reps[r], stage, effect, shift, mix[r], sourceTilt[r], industryTilt[r], Regions[regionOf[r]], i)
                : AlikeDeal(rng, settings.Period, reps[r], stage, effect, shift, i);
            dealProbabilities[i] = 1 / (1 + Math.Exp(-dealLogit));
        }

        return new SimulatedHistory(rows, settings.ApplyEffects ? effects : effects.ToDictionary(kv => kv.Key, _ => 0.0), dealProbabilities);
    }

    private static (StageOutcomeObservation Row, double DealLogit) VariedDeal(
        Random rng, int period, long rep, (string Code, double Logit, double Weight) stage, double effect, double shift, Mix mix,
        double[] sourceTilt, double[] industryTilt, (string Name, double Logit) region, int index)
    {
        // Hard: cold outbound leads, public sector, big deals, new customers. Easy: referrals, manufacturing, small repeat deals.
        var source = Sources[Pick(Cumulative(Tilt(sourceTilt, mix switch { Mix.Hard => 2, Mix.Easy => 0, _ => -1 }, 2.5)), rng.NextDouble())];
        var industry = Industries[Pick(Cumulative(Tilt(industryTilt, mix switch { Mix.Hard => 3, Mix.Easy => 0, _ => -1 }, 2.5)), rng.NextDouble())];
        var logAmount = Math.Log(20000) + Gaussian(rng) + mix switch { Mix.Hard => 0.9, Mix.Easy => -0.6, _ => 0 };
        var priorDeals = Math.Min(8, Poisson(rng, mix switch { Mix.Hard => 0.8, Mix.Easy => 3, _ => 1.6 }));
        var priorWins = Enumerable.Range(0, priorDeals).Count(_ => rng.NextDouble() < 0.5);
        var entered = Start.AddDays((period * 365) + rng.Next(365));
        var dealLogit = stage.Logit + industry.Logit + region.Logit + source.Logit
            - (0.35 * (logAmount - Math.Log(20000)))
            + (1.2 * (((priorWins + 1.0) / (priorDeals + 2.0)) - 0.5)) + (0.05 * priorDeals)
            + (0.25 * Math.Sin(2 * Math.PI * entered.Month / 12.0));
        return (Observation(rng, rep, stage.Code, index, Math.Exp(logAmount), industry.Name, region.Name, source.Name, priorDeals, priorWins, entered, dealLogit + shift, effect), dealLogit);
    }

    private static (StageOutcomeObservation Row, double DealLogit) AlikeDeal(
        Random rng, int period, long rep, (string Code, double Logit, double Weight) stage, double effect, double shift, int index) =>
        (Observation(rng, rep, stage.Code, index, 20000, "Retail", "East", "Inbound", 0, 0, Start.AddDays(period * 365), stage.Logit + shift, effect), stage.Logit);

    /// <summary>The entry: its outcome from <paramref name="logit"/>, its logged activity from the sign of the planted effect.</summary>
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

    private enum Mix
    {
        Own,
        Hard,
        Easy,
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
