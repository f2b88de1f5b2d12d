using System.Globalization;
using System.Text.Json;
using KnowledgeKaizen.Core.Performance;
using KnowledgeKaizen.Insights.ExpectedOutcome;
using KnowledgeKaizen.Insights.Performance;

namespace KnowledgeKaizen.Insights.PerformanceData;

/// <summary>Turns an engine result into the persisted <see cref="PerformanceSnapshot"/>.</summary>
public static class SnapshotBuilder
{
    public static string OptionsJson(ExpectedOutcomeOptions model, PerformanceOptions evidence) =>
        JsonSerializer.Serialize(new { model, evidence }, PerformanceJson.Options);

    public static PerformanceSnapshot Build(RepPerformanceResult result, int modelVersion, int rows, string optionsJson,
        IReadOnlyDictionary<long, (string ExternalId, string Name, string Team)> reps, DateTimeOffset at)
    {
        var findings = result.Analysis.Findings.Select(f => Record(f, reps));
        return PerformanceSnapshot.Ready(at, modelVersion, rows, optionsJson,
            JsonSerializer.Serialize(result.Analysis.Stages, PerformanceJson.Options),
            Finite(result.Analysis.EstimatedStandoutFdr), Finite(result.Analysis.EstimatedCoachingFdr), findings);
    }

    /// <summary>The engine's classes map one-to-one by name onto the stored ones.</summary>
    public static FindingClass ToStored(PerformanceClass value) => Enum.Parse<FindingClass>(value.ToString());

    public static FindingFigures Figures(RepStageFinding f) => new(
        f.Entries, f.Advanced, f.Expected, f.RawRate, f.ExpectedRate, Finite(f.Lift), f.Effect, f.EffectLow, f.EffectHigh,
        f.ShrunkRateLow, f.ShrunkRateHigh, f.ShrunkRate, f.ShrunkRateOnCompanyMix,
        f.Posterior.ProbabilityPositive, f.Posterior.ProbabilityNegative, f.ZScore);

    private static PerformanceFindingRecord Record(RepStageFinding f, IReadOnlyDictionary<long, (string ExternalId, string Name, string Team)> reps)
    {
        var repId = long.Parse(f.RepId, CultureInfo.InvariantCulture);
        var name = reps.TryGetValue(repId, out var rep) ? rep.Name : f.RepId;
        return new PerformanceFindingRecord(repId, name, f.Stage, ToStored(f.Class), Figures(f), f.SelectedAtFdr,
            JsonSerializer.Serialize(f.Explanation, PerformanceJson.Options), f.InsufficientReason);
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
