namespace KnowledgeKaizen.Search;

public sealed record FacetValue(string Value, int Count);
