namespace KnowledgeKaizen.Search;

/// <summary>Facet counts over all matching visible documents, most frequent first.</summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Types,
    IReadOnlyList<FacetValue> Stages,
    IReadOnlyList<FacetValue> Tags,
    IReadOnlyList<FacetValue> Statuses,
    IReadOnlyList<FacetValue> Languages,
    IReadOnlyList<FacetValue> Authors)
{
    public static SearchFacets None { get; } = new([], [], [], [], [], []);
}
