namespace KnowledgeKaizen.Insights.PerformerDetection.Retraining;

/// <summary>Turns an engine result into the persisted <see cref="FindingSnapshot"/>.</summary>
public static class SnapshotBuilder
{
    public static string OptionsJson(ExpectedOutcomeOptions model, EvidenceOptions evidence) =>
        JsonSerializer.Serialize(new { model, evidence }, FindingJson.Options);

    public static FindingSnapshot Build(PerformerDetectionResult result, int modelVersion, int rows, string optionsJson,
        IReadOnlyDictionary<long, (string ExternalId, string Name, string Team)> reps, DateTimeOffset at)
    {
        var findings = result.Analysis.Findings.Select(f => Record(f, reps));
        return FindingSnapshot.Ready(at, modelVersion, rows, optionsJson,
            JsonSerializer.Serialize(result.Analysis.Stages, FindingJson.Options),
            Finite(result.Analysis.EstimatedStandoutFdr), Finite(result.Analysis.EstimatedCoachingFdr), findings);
    }

    public static FindingFigures Figures(RepStageFinding f) => new(
        f.Entries, f.Advanced, f.Expected, f.RawRate, f.ExpectedRate, Finite(f.Lift), f.Effect, f.EffectLow, f.EffectHigh,
        f.ShrunkRateLow, f.ShrunkRateHigh, f.ShrunkRate, f.ShrunkRateOnCompanyMix,
        f.Posterior.ProbabilityPositive, f.Posterior.ProbabilityNegative, f.ZScore);

    /// <summary>The stored form of one engine finding; the rep's name is kept as it is now.</summary>
    internal static PerformerFinding Record(RepStageFinding f, IReadOnlyDictionary<long, (string ExternalId, string Name, string Team)> reps)
    {
        var name = reps.TryGetValue(f.RepId, out var rep) ? rep.Name : f.RepId.ToString(CultureInfo.InvariantCulture);
        return new PerformerFinding(f.RepId, name, f.Stage, f.Class, Figures(f), f.SelectedAtFdr,
            JsonSerializer.Serialize(f.Explanation, FindingJson.Options), f.InsufficientReason);
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
