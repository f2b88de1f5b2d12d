namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>Count, sum and sum of squares of one measure; peers are "stage minus rep", so sums must subtract.</summary>
internal readonly record struct MeasureSums(int Count, double Sum, double SumSquares)
{
    public double Mean => Count == 0 ? double.NaN : Sum / Count;

    public double Variance => Count < 2 ? 0 : Math.Max(0, (SumSquares - (Sum * Sum / Count)) / (Count - 1));

    public MeasureSums Add(double? value) => value is { } v && double.IsFinite(v) ? new(Count + 1, Sum + v, SumSquares + (v * v)) : this;

    public static MeasureSums operator +(MeasureSums a, MeasureSums b) => new(a.Count + b.Count, a.Sum + b.Sum, a.SumSquares + b.SumSquares);

    public static MeasureSums operator -(MeasureSums a, MeasureSums b) => new(a.Count - b.Count, a.Sum - b.Sum, a.SumSquares - b.SumSquares);

    /// <summary>Cohen's d of <paramref name="rep"/> against <paramref name="peers"/>.</summary>
    public static double EffectSize(MeasureSums rep, MeasureSums peers)
    {
        var df = rep.Count + peers.Count - 2;
        if (rep.Count == 0 || peers.Count == 0 || df <= 0)
        {
            return 0;
        }

        var pooled = Math.Sqrt((((rep.Count - 1) * rep.Variance) + ((peers.Count - 1) * peers.Variance)) / df);
        return pooled > 1e-12 ? (rep.Mean - peers.Mean) / pooled : 0;
    }
}

/// <summary>Everything summed over the entries of one (rep, stage) pair, or of a whole stage.</summary>
internal sealed class PairStatistics
{
    public static readonly string[] BehaviourMeasures = ["Visits", "Calls", "Proposals", "Quotes", "HoursToFirstActivity", "DaysInStage"];

    public int Entries { get; private set; }

    public int Advanced { get; private set; }

    /// <summary>Σp.</summary>
    public double Expected { get; private set; }

    /// <summary>Σp(1−p).</summary>
    public double Variance { get; private set; }

    public MeasureSums Amount { get; private set; }

    public MeasureSums[] Behaviour { get; } = new MeasureSums[BehaviourMeasures.Length];

    /// <summary>Counts per dimension ("Industry", "Region", "Source") and category.</summary>
    public Dictionary<(string Dimension, string Category), int> Categories { get; } = [];

    public void Add(StageOutcomeObservation o, double p)
    {
        Entries++;
        Advanced += o.Advanced ? 1 : 0;
        Expected += p;
        Variance += p * (1 - p);
        Amount = Amount.Add(o.Amount);
        Behaviour[0] = Behaviour[0].Add(o.VisitsAtStage);
        Behaviour[1] = Behaviour[1].Add(o.CallsAtStage);
        Behaviour[2] = Behaviour[2].Add(o.ProposalsAtStage);
        Behaviour[3] = Behaviour[3].Add(o.QuotesAtStage);
        Behaviour[4] = Behaviour[4].Add(o.HoursToFirstActivity);
        Behaviour[5] = Behaviour[5].Add(o.DaysInStage);
        Count(("Industry", o.Industry));
        Count(("Region", o.Region));
        Count(("Source", o.Source));
    }

    public void Merge(PairStatistics other)
    {
        Entries += other.Entries;
        Advanced += other.Advanced;
        Expected += other.Expected;
        Variance += other.Variance;
        Amount += other.Amount;
        for (var i = 0; i < Behaviour.Length; i++)
        {
            Behaviour[i] += other.Behaviour[i];
        }

        foreach (var (key, count) in other.Categories)
        {
            Categories[key] = Categories.GetValueOrDefault(key) + count;
        }
    }

    private void Count((string, string) key) => Categories[key] = Categories.GetValueOrDefault(key) + 1;
}
