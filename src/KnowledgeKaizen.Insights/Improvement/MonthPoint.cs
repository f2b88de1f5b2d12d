namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>One month of the metric for the Check chart; Period is "before", "after" or "" (between the windows).</summary>
public sealed record MonthPoint(string Month, double? Value, long Sample, string Period);
