using KnowledgeKaizen.Core.Identity;

namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// Who may find what. Published and standardised knowledge and resolved service cases are for every
/// portal role; drafts and documents in review for their author and the reviewers (KnowledgeManager,
/// Admin); archived documents only for the reviewers. Customer feedback quotes customers in their own
/// words (sometimes with personal details), so it is for the roles that act on it: Contributor,
/// KnowledgeManager and Admin — not Staff or Trainer.
/// </summary>
public static class SearchVisibilityRules
{
    public static SearchVisibility Everyone { get; } = SearchVisibility.ForRoles([.. Roles.All]);

    public static SearchVisibility Reviewers { get; } = SearchVisibility.ForRoles(Roles.KnowledgeManager, Roles.Admin);

    public static SearchVisibility Feedback { get; } = SearchVisibility.ForRoles(Roles.Contributor, Roles.KnowledgeManager, Roles.Admin);

    /// <summary>A draft: the reviewers plus its author, when the author has an account.</summary>
    public static SearchVisibility Draft(string? authorUserId) =>
        authorUserId is null ? Reviewers : new SearchVisibility(Reviewers.Roles, [authorUserId]);

    /// <summary>The signed-in user as the engine sees a reader.</summary>
    public static SearchReader ReaderFor(System.Security.Claims.ClaimsPrincipal user) => new(
        user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
        Roles.All.Where(user.IsInRole).ToArray());
}
