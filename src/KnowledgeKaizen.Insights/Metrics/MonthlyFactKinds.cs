namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Stage entries by month entered, stage and rep: counts by outcome and the days in stage of left entries.</summary>
internal sealed class StageFact(string month, long stageId, long repId) : IMonthlyFact<StageFact>
{
    public static string Kind => "stage";

    public static string Sql(ISqlDialect sql) => $"""
        SELECT {sql.MonthOf("h.\"EnteredAt\"")}, h."StageId", h."RepId", h."Outcome", {sql.DaysBetween("h.\"EnteredAt\"", "h.\"LeftAt\"")}
        FROM "StageHistory" h WHERE h."EnteredAt" >= @from AND h."EnteredAt" < @to
        """;

    public string Month => month;

    public string Key => FormattableString.Invariant($"{StageId}:{RepId}");

    public long StageId => stageId;

    public long RepId => repId;

    public long Entered { get; private set; }

    public long Advanced { get; private set; }

    public long Lost { get; private set; }

    public List<double> Days { get; private init; } = [];

    public static void Accumulate(DbDataReader r, FactSet<StageFact> facts)
    {
        var (stage, rep) = (r.GetInt64(1), r.GetInt64(2));
        var fact = facts.Get(r.GetString(0), FormattableString.Invariant($"{stage}:{rep}"), () => new StageFact(r.GetString(0), stage, rep));
        fact.Entered++;
        switch (r.GetString(3))
        {
            case "Advanced": fact.Advanced++; break;
            case "Lost": fact.Lost++; break;
        }

        if (!r.IsDBNull(4))
        {
            fact.Days.Add(r.GetDouble(4));
        }
    }

    public static StageFact Read(string month, string key, BinaryReader r)
    {
        var ids = key.Split(':');
        return new StageFact(month, long.Parse(ids[0], CultureInfo.InvariantCulture), long.Parse(ids[1], CultureInfo.InvariantCulture))
        {
            Entered = r.ReadInt64(), Advanced = r.ReadInt64(), Lost = r.ReadInt64(), Days = Payload.Doubles(r),
        };
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Entered);
        w.Write(Advanced);
        w.Write(Lost);
        Payload.Write(w, Days);
    }
}

/// <summary>
/// Activities by month and rep: counts by type, cost, quote accuracy (sum and count) and the distinct
/// opportunities worked on (any activity) and contacted (visit, call, proposal) — ids, so that a period's
/// distinct count is exact across months.
/// </summary>
internal sealed class ActivityFact(string month, long repId) : IMonthlyFact<ActivityFact>
{
    public static string Kind => "activity";

    public static string Sql(ISqlDialect sql) => $"""
        SELECT {sql.MonthOf("a.\"OccurredAt\"")}, a."RepId", a."Type", a."OpportunityId", a."Cost",
               CASE WHEN a."Amount" IS NOT NULL AND q."Outcome" = 'Won' AND q."FinalAmount" > 0
                    THEN {sql.Greatest("0.0", "1.0 - ABS(a.\"Amount\" - q.\"FinalAmount\") / q.\"FinalAmount\"")} END
        FROM "Activities" a LEFT JOIN "Opportunities" q ON a."Type" = 'Quote' AND q."Id" = a."OpportunityId"
        WHERE a."OccurredAt" >= @from AND a."OccurredAt" < @to
        """;

    public string Month => month;

    public string Key => RepId.ToString(CultureInfo.InvariantCulture);

    public long RepId => repId;

    public long Visits { get; private set; }

    public long Calls { get; private set; }

    public long Proposals { get; private set; }

    public long Quotes { get; private set; }

    public double Cost { get; private set; }

    public double AccuracySum { get; private set; }

    public long AccuracyCount { get; private set; }

    /// <summary>Distinct opportunities with any activity (a set while accumulating, an array once read).</summary>
    public IReadOnlyCollection<long> Worked { get; private init; } = new HashSet<long>();

    /// <summary>Distinct opportunities with a visit, call or proposal.</summary>
    public IReadOnlyCollection<long> Contacted { get; private init; } = new HashSet<long>();

    public long Contacts => Visits + Calls + Proposals;

    public static void Accumulate(DbDataReader r, FactSet<ActivityFact> facts)
    {
        var rep = r.GetInt64(1);
        var fact = facts.Get(r.GetString(0), rep.ToString(CultureInfo.InvariantCulture), () => new ActivityFact(r.GetString(0), rep));
        var opportunity = r.GetInt64(3);
        ((HashSet<long>)fact.Worked).Add(opportunity);
        var contact = true;
        switch (r.GetString(2))
        {
            case "Visit": fact.Visits++; break;
            case "Call": fact.Calls++; break;
            case "Proposal": fact.Proposals++; break;
            case "Quote": fact.Quotes++; contact = false; break;
            default: contact = false; break;
        }

        if (contact)
        {
            ((HashSet<long>)fact.Contacted).Add(opportunity);
        }

        fact.Cost += MetricQuery.Double(r, 4);
        if (!r.IsDBNull(5))
        {
            fact.AccuracySum += r.GetDouble(5);
            fact.AccuracyCount++;
        }
    }

    public static ActivityFact Read(string month, string key, BinaryReader r) => new(month, long.Parse(key, CultureInfo.InvariantCulture))
    {
        Visits = r.ReadInt64(), Calls = r.ReadInt64(), Proposals = r.ReadInt64(), Quotes = r.ReadInt64(),
        Cost = r.ReadDouble(), AccuracySum = r.ReadDouble(), AccuracyCount = r.ReadInt64(),
        Worked = Payload.Longs(r), Contacted = Payload.Longs(r),
    };

    public void Write(BinaryWriter w)
    {
        foreach (var n in new[] { Visits, Calls, Proposals, Quotes })
        {
            w.Write(n);
        }

        w.Write(Cost);
        w.Write(AccuracySum);
        w.Write(AccuracyCount);
        Payload.Write(w, Worked);
        Payload.Write(w, Contacted);
    }
}

/// <summary>
/// Opportunities by owner: won/lost, revenue, collected and the won deals' cycle days by the month CLOSED;
/// forecast by the month of the EXPECTED close (the two time rules of the KPIs).
/// </summary>
internal sealed class DealFact(string month, long ownerId) : IMonthlyFact<DealFact>
{
    public static string Kind => "deal";

    public static string Sql(ISqlDialect sql) => $"""
        SELECT {sql.MonthOf("o.\"ClosedAt\"")}, o."OwnerId", 'closed', o."Outcome", o."FinalAmount", o."CollectedAmount", {sql.DaysBetween("o.\"CreatedAt\"", "o.\"ClosedAt\"")}
        FROM "Opportunities" o WHERE o."ClosedAt" >= @from AND o."ClosedAt" < @to
        UNION ALL
        SELECT {sql.MonthOf("o.\"ExpectedCloseAt\"")}, o."OwnerId", 'expected', NULL, o."ForecastAmount", NULL, NULL
        FROM "Opportunities" o WHERE o."ExpectedCloseAt" >= @from AND o."ExpectedCloseAt" < @to
        """;

    public string Month => month;

    public string Key => OwnerId.ToString(CultureInfo.InvariantCulture);

    public long OwnerId => ownerId;

    public long Won { get; private set; }

    public long Lost { get; private set; }

    public double Revenue { get; private set; }

    public double Collected { get; private set; }

    public double Forecast { get; private set; }

    /// <summary>Days from creation to the win, per deal won.</summary>
    public List<double> Cycles { get; private init; } = [];

    public static void Accumulate(DbDataReader r, FactSet<DealFact> facts)
    {
        var owner = r.GetInt64(1);
        var fact = facts.Get(r.GetString(0), owner.ToString(CultureInfo.InvariantCulture), () => new DealFact(r.GetString(0), owner));
        if (r.GetString(2) == "expected")
        {
            fact.Forecast += MetricQuery.Double(r, 4);
            return;
        }

        switch (r.GetString(3))
        {
            case "Won":
                fact.Won++;
                fact.Revenue += MetricQuery.Double(r, 4);
                fact.Collected += MetricQuery.Double(r, 5);
                fact.Cycles.Add(r.GetDouble(6));
                break;
            case "Lost":
                fact.Lost++;
                break;
        }
    }

    public static DealFact Read(string month, string key, BinaryReader r) => new(month, long.Parse(key, CultureInfo.InvariantCulture))
    {
        Won = r.ReadInt64(), Lost = r.ReadInt64(), Revenue = r.ReadDouble(), Collected = r.ReadDouble(), Forecast = r.ReadDouble(),
        Cycles = Payload.Doubles(r),
    };

    public void Write(BinaryWriter w)
    {
        w.Write(Won);
        w.Write(Lost);
        w.Write(Revenue);
        w.Write(Collected);
        w.Write(Forecast);
        Payload.Write(w, Cycles);
    }
}

/// <summary>Service cases by month opened, agent, channel and category.</summary>
internal sealed class CaseFact(string month, long agentId, string channel, string category) : IMonthlyFact<CaseFact>
{
    public static string Kind => "case";

    public static string Sql(ISqlDialect sql) => $"""
        SELECT {sql.MonthOf("sc.\"OpenedAt\"")}, sc."AgentId", sc."Channel", sc."Category",
               {sql.DaysBetween("sc.\"OpenedAt\"", "sc.\"FirstResponseAt\"")} * 24, {sql.DaysBetween("sc.\"OpenedAt\"", "sc.\"ResolvedAt\"")} * 24,
               sc."Satisfaction", sc."Cost"
        FROM "ServiceCases" sc WHERE sc."OpenedAt" >= @from AND sc."OpenedAt" < @to
        """;

    public string Month => month;

    public string Key => FormattableString.Invariant($"{AgentId}\u001f{Channel}\u001f{Category}");

    public long AgentId => agentId;

    public string Channel => channel;

    public string Category => category;

    public CaseAccumulator Cases { get; private init; } = new();

    public static void Accumulate(DbDataReader r, FactSet<CaseFact> facts)
    {
        var (agent, channel, category) = (r.GetInt64(1), r.GetString(2), r.GetString(3));
        var fact = facts.Get(r.GetString(0), FormattableString.Invariant($"{agent}\u001f{channel}\u001f{category}"),
            () => new CaseFact(r.GetString(0), agent, channel, category));
        fact.Cases.Add(r, 4);
    }

    public static CaseFact Read(string month, string key, BinaryReader r)
    {
        var parts = key.Split('\u001f');
        return new CaseFact(month, long.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], parts[2]) { Cases = CaseAccumulator.Read(r) };
    }

    public void Write(BinaryWriter w) => Cases.Write(w);
}
