using KnowledgeKaizen.Insights.PerformerDetection;

namespace KnowledgeKaizen.Testing.Simulation;

/// <summary>A simulated history and the effects planted in it.</summary>
/// <param name="Rows">The observations.</param>
/// <param name="TrueEffects">True log-odds effect of every (rep, stage) pair (0 for most).</param>
public sealed record SimulatedHistory(IReadOnlyList<StageOutcomeObservation> Rows, IReadOnlyDictionary<(long Rep, string Stage), double> TrueEffects);
