namespace KnowledgeKaizen.Search;

/// <summary>The person searching: a user id (for drafts they author or review) and their roles.</summary>
public sealed record SearchReader(string? UserId, IReadOnlyCollection<string> Roles)
{
    /// <summary>No user and no roles: sees nothing, since every document names who may read it.</summary>
    public static SearchReader Anonymous { get; } = new(null, []);

    /// <summary>
    /// Bypasses visibility filtering. For system work only (admin tools, diagnostics); never for a request
    /// made on behalf of a user.
    /// </summary>
    public static SearchReader Unrestricted { get; } = new(null, []) { IsUnrestricted = true };

    public bool IsUnrestricted { get; private init; }
}
