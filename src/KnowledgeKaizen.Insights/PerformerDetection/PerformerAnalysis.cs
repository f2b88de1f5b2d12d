namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>Result of a performer analysis: every pair, the stage priors and the estimated false-discovery rates.</summary>
/// <param name="Findings">Every (rep, stage) pair, ordered by stage then rep.</param>
/// <param name="Stages">Per-stage priors.</param>
/// <param name="EstimatedStandoutFdr">Mean local FDR of the Standout set (the Bayesian FDR estimate; ≤ target).</param>
/// <param name="EstimatedCoachingFdr">Mean local FDR of the NeedsCoaching set.</param>
public sealed record PerformerAnalysis(
    IReadOnlyList<RepStageFinding> Findings,
    IReadOnlyList<StagePrior> Stages,
    double EstimatedStandoutFdr,
    double EstimatedCoachingFdr);
