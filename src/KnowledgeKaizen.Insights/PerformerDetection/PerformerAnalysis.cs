namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>Result of a performer analysis: every pair, the stage priors and the estimated false-discovery rates.</summary>
/// <param name="Findings">Every (rep, stage) pair, ordered by stage then rep.</param>
/// <param name="Stages">Per-stage priors.</param>
/// <param name="EstimatedStandoutFdr">Mean probability of a wrong flag over the Standout set (its Bayesian FDR; ≤ target).</param>
/// <param name="EstimatedCoachingFdr">The same for the NeedsCoaching set.</param>
public sealed record PerformerAnalysis(
    IReadOnlyList<RepStageFinding> Findings,
    IReadOnlyList<StagePrior> Stages,
    double EstimatedStandoutFdr,
    double EstimatedCoachingFdr);
