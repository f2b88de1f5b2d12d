namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>Who is acting: the signed-in user, or the content importer.</summary>
/// <param name="UserId">Identity user id; null for the importer.</param>
/// <param name="Name">Display name written into revisions and review comments.</param>
/// <param name="IsManager">KnowledgeManager or Admin: may review, see all drafts and standardise.</param>
public sealed record Actor(string? UserId, string Name, bool IsManager)
{
    /// <summary>The name revisions and verifications by the content importer carry (shown localised).</summary>
    public const string ImporterName = "Content library";

    public static readonly Actor Importer = new(null, ImporterName, true);
}
