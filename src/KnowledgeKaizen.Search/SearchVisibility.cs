namespace KnowledgeKaizen.Search;

/// <summary>
/// Readers allowed to see a document: anyone holding one of <see cref="Roles"/>, or one of the listed
/// <see cref="UserIds"/> (an author and reviewers of a draft). Both empty means nobody but an unrestricted reader.
/// </summary>
public sealed record SearchVisibility(IReadOnlyCollection<string> Roles, IReadOnlyCollection<string> UserIds)
{
    public static SearchVisibility ForRoles(params string[] roles) => new(roles, []);

    public static SearchVisibility ForUsers(params string[] userIds) => new([], userIds);
}
