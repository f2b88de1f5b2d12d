namespace KnowledgeKaizen.SeedGenerator.Truth;

/// <summary>Machine-readable ground truth written as planted-truth.json, so analysis features can be checked.</summary>
public sealed record PlantedTruth(
    int Seed,
    DateOnly StartDate,
    DateOnly EndDate,
    TruthModel Model,
    IReadOnlyList<StageFigures> Population,
    IReadOnlyList<PlantedRep> Standouts,
    IReadOnlyList<PlantedRep> Laggards,
    IReadOnlyList<NewRepFigures> NewReps,
    IReadOnlyList<SeasonFigures> Seasonality,
    ComplaintTruth Complaints,
    ChurnTruth Churn,
    IReadOnlyDictionary<string, long> RowCounts);

/// <summary>The logistic model's coefficients (log-odds).</summary>
public sealed record TruthModel(
    IReadOnlyDictionary<string, double> StageBase,
    IReadOnlyDictionary<string, double> AmountBand,
    IReadOnlyDictionary<string, double> Industry,
    IReadOnlyDictionary<string, double> Source,
    IReadOnlyDictionary<string, double> Region,
    double PriorWin,
    double February,
    double FourthQuarterNegotiateAndClose,
    string SeasonMonth,
    string Signatures);

/// <summary>All reps together at one stage: decided visits, raw rate, mean true expected probability, signature.</summary>
public sealed record StageFigures(string Stage, long Decided, double RawRate, double ExpectedRate, double? Signature);

/// <summary>A planted standout or laggard, with their figures at their stage next to the population's.</summary>
public sealed record PlantedRep(
    string RepId, string Name, string Region, string Stage, double Effect, long Decided, double RawRate,
    double ExpectedRate, double PopulationRawRate, double? Signature, double? PopulationSignature, string SignatureMeaning);

/// <summary>A rep hired shortly before the end date: too few stage entries to judge.</summary>
public sealed record NewRepFigures(string RepId, string Name, DateOnly HiredAt, bool Lucky, long MaxStageEntries, long Decided, long Advanced, double RawRate);

/// <summary>Raw advance rate by the month the stage was decided (all years together).</summary>
public sealed record SeasonFigures(string Stage, IReadOnlyList<double> RateByMonth);

/// <summary>Complaint themes, the spike and monthly counts per theme (yyyy-MM → count).</summary>
public sealed record ComplaintTruth(
    IReadOnlyDictionary<string, string> Themes, string SpikeTheme, DateOnly SpikeStart, int SpikeMonths, double SpikeFactor,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> MonthlyCounts);

/// <summary>Churned customers; those in <see cref="AfterUnresolvedComplaint"/> left after an unresolved escalation.</summary>
public sealed record ChurnTruth(int Churned, IReadOnlyList<string> AfterUnresolvedComplaint);
