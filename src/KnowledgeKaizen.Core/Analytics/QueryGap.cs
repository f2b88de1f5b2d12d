namespace KnowledgeKaizen.Core.Analytics;

/// <summary>A query that found nothing (content gap) or found results nobody opened.</summary>
public sealed record QueryGap(string Text, int Searches, DateTime LastSearched);
