namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>Whether the rep's deals at the stage were harder or easier than peers', judged by the model's expectation.</summary>
public enum DealDifficulty
{
    Harder,
    Similar,
    Easier,
}
