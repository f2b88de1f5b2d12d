namespace KnowledgeKaizen.Search.Indexing;

/// <summary>Documents of one type in the database and in the index.</summary>
public sealed record SearchTypeCount(string Type, int InDatabase, int InIndex);
