namespace KnowledgeKaizen.Search;

public enum SearchSuggestionKind
{
    Title,
    Tag,
}
