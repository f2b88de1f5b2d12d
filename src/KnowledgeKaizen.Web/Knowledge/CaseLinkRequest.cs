namespace KnowledgeKaizen.Web.Knowledge;

/// <summary>Body of a case link.</summary>
public sealed record CaseLinkRequest(string? CaseKey);
