namespace KnowledgeKaizen.Core.Identity;

/// <summary>Outcome of inviting a user: the one-time link the Admin passes on.</summary>
public sealed record InviteResult(bool Succeeded, string? UserId, string? InviteToken, IReadOnlyList<string> Errors);
