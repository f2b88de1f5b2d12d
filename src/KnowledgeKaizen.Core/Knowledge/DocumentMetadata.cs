namespace KnowledgeKaizen.Core.Knowledge;

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
