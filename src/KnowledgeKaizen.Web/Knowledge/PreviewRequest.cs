namespace KnowledgeKaizen.Web.Knowledge;

/// <summary>Body of a preview request.</summary>
public sealed record PreviewRequest(string? Markdown);
