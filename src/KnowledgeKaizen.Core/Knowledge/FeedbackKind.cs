namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>What a reader said about a published document.</summary>
public enum FeedbackKind
{
    Helpful = 1,
    NotHelpful = 2,
    Outdated = 3,
}
