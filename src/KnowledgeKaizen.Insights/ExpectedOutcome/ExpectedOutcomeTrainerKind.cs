namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>Tree learners the expected-outcome model can be trained with.</summary>
public enum ExpectedOutcomeTrainerKind
{
    LightGbm,
    FastTree,
}
