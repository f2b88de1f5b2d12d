namespace KnowledgeKaizen.Core.Identity;

/// <summary>One row of the token list (the secret is never kept).</summary>
public sealed record ApiTokenSummary(Guid Id, string Name, string Prefix, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
