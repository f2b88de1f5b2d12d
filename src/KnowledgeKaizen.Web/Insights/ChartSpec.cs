namespace KnowledgeKaizen.Web.Insights;

/// <summary>How charts.js draws a table: chart type and which columns are series (the first column is the label).</summary>
public sealed record ChartSpec(string Type, IReadOnlyList<int> Series, bool Stacked = false);
