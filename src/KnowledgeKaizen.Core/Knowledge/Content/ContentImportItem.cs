namespace KnowledgeKaizen.Core.Knowledge.Content;

/// <summary>What happened to one file.</summary>
public sealed record ContentImportItem(string Path, ContentImportOutcome Outcome, string? Message = null);
