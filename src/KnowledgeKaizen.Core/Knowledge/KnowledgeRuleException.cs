namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>A request the knowledge rules refuse (wrong state, too large, missing comment).</summary>
public sealed class KnowledgeRuleException(string message, params object[] arguments) : RuleException(message, arguments);

/// <summary>Who is acting: the signed-in user, or the content importer.</summary>
/// <param name="UserId">Identity user id; null for the importer.</param>
/// <param name="Name">Display name written into revisions and review comments.</param>
/// <param name="IsManager">KnowledgeManager or Admin: may review, see all drafts and standardise.</param>
public sealed record Actor(string? UserId, string Name, bool IsManager)
{
    public static readonly Actor Importer = new(null, "content/", true);
}

/// <summary>Everything about a document except its text, as authors edit it.</summary>
public sealed record DocumentMetadata
{
    public string Summary { get; init; } = string.Empty;

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Stages { get; init; } = [];

    /// <summary>Procedures: the owning team.</summary>
    public string? Owner { get; init; }

    /// <summary>Days between verifications (procedures: the review interval).</summary>
    public int ReviewIntervalDays { get; init; } = KnowledgeDocument.DefaultReviewIntervalDays;

    /// <summary>Playbooks: procedure steps improved, as "procedure-slug#step-N".</summary>
    public IReadOnlyList<string> Improves { get; init; } = [];

    /// <summary>Solutions: the problem in the customer's words.</summary>
    public string? Issue { get; init; }

    /// <summary>Solutions: products, versions, conditions.</summary>
    public string? Environment { get; init; }

    /// <summary>Solutions: the root cause.</summary>
    public string? Cause { get; init; }
}
