namespace KnowledgeKaizen.Search;

/// <summary>Version of the field layout and analysis; bump it whenever indexed fields or analyzers change.</summary>
public static class IndexSchema
{
    public const int Version = 5;
}
