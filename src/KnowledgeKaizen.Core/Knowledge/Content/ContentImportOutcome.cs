namespace KnowledgeKaizen.Core.Knowledge.Content;

/// <summary>What the content import did with one file.</summary>
public enum ContentImportOutcome
{
    Created,
    Updated,
    Unchanged,
    Failed,
}
