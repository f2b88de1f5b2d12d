namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>How a target metric is compared: share of successes, or a duration whose median matters.</summary>
public enum MetricShape
{
    Proportion = 1,
    Duration = 2,
}
