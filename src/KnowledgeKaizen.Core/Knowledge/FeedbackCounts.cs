namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>Reader feedback on a document; outdated counts only flags not yet resolved by a verification.</summary>
public sealed record FeedbackCounts(int Helpful, int NotHelpful, int Outdated)
{
    public static readonly FeedbackCounts None = new(0, 0, 0);
}
