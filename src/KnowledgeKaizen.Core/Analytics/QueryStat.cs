namespace KnowledgeKaizen.Core.Analytics;

/// <summary>A query text with how often it was run, how often a result was opened and its average result count.</summary>
public sealed record QueryStat(string Text, int Searches, int Clicks, double AverageResults);
