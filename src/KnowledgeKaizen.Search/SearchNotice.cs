namespace KnowledgeKaizen.Search;

public sealed record SearchNotice(SearchNoticeKind Kind, string Message);
