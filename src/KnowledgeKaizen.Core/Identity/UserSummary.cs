namespace KnowledgeKaizen.Core.Identity;

/// <summary>One row of the user list.</summary>
public sealed record UserSummary(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles,
    bool IsLockedOut, DateTimeOffset? LockoutEnd, bool HasPassword);
