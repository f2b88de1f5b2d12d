namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Counts, sums and the response/resolution hours of a group of service cases.</summary>
internal sealed class CaseAccumulator
{
    public long Cases { get; private set; }

    public long Resolved { get; private set; }

    public long Rated { get; private set; }

    public double SatisfactionSum { get; private set; }

    public long Costed { get; private set; }

    public double CostSum { get; private set; }

    public List<double> FirstResponse { get; private init; } = [];

    public List<double> Resolution { get; private init; } = [];

    /// <summary>Adds one case from columns (first-response hours, resolution hours, satisfaction, cost) starting at <paramref name="at"/>.</summary>
    public void Add(DbDataReader r, int at)
    {
        Cases++;
        if (!r.IsDBNull(at))
        {
            FirstResponse.Add(r.GetDouble(at));
        }

        if (!r.IsDBNull(at + 1))
        {
            Resolved++;
            Resolution.Add(r.GetDouble(at + 1));
        }

        if (!r.IsDBNull(at + 2))
        {
            Rated++;
            SatisfactionSum += r.GetInt64(at + 2);
        }

        if (!r.IsDBNull(at + 3))
        {
            Costed++;
            CostSum += r.GetDouble(at + 3);
        }
    }

    public void Merge(CaseAccumulator other)
    {
        Cases += other.Cases;
        Resolved += other.Resolved;
        Rated += other.Rated;
        SatisfactionSum += other.SatisfactionSum;
        Costed += other.Costed;
        CostSum += other.CostSum;
        FirstResponse.AddRange(other.FirstResponse);
        Resolution.AddRange(other.Resolution);
    }

    public ServiceGroup ToGroup(string key) => new(key, Cases, Resolved,
        MetricQuery.SpreadOf(FirstResponse), MetricQuery.SpreadOf(Resolution),
        SalesKpis.Ratio(SatisfactionSum, Rated), SalesKpis.Ratio(CostSum, Costed));

    public void Write(BinaryWriter w)
    {
        w.Write(Cases);
        w.Write(Resolved);
        w.Write(Rated);
        w.Write(SatisfactionSum);
        w.Write(Costed);
        w.Write(CostSum);
        Payload.Write(w, FirstResponse);
        Payload.Write(w, Resolution);
    }

    public static CaseAccumulator Read(BinaryReader r) => new()
    {
        Cases = r.ReadInt64(), Resolved = r.ReadInt64(), Rated = r.ReadInt64(), SatisfactionSum = r.ReadDouble(),
        Costed = r.ReadInt64(), CostSum = r.ReadDouble(), FirstResponse = Payload.Doubles(r), Resolution = Payload.Doubles(r),
    };
}
