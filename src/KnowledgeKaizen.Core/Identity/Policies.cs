namespace KnowledgeKaizen.Core.Identity;

/// <summary>
/// Named authorization policies. Every page and endpoint names one of these (or is explicitly anonymous).
/// Higher roles include the lower ones they need: a KnowledgeManager can contribute, an Admin can do all.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user holding at least one portal role.</summary>
    public const string Reader = nameof(Reader);

    /// <summary>Writes playbooks and answers capture requests.</summary>
    public const string Contributor = nameof(Contributor);

    /// <summary>Builds courses.</summary>
    public const string Trainer = nameof(Trainer);

    /// <summary>Reviews, standardises, runs improvement cycles and sees analytics.</summary>
    public const string KnowledgeManager = nameof(KnowledgeManager);

    /// <summary>Users, imports, settings, index and model maintenance.</summary>
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        [Reader] = [Roles.Staff, Roles.Contributor, Roles.Trainer, Roles.KnowledgeManager, Roles.Admin],
        [Contributor] = [Roles.Contributor, Roles.KnowledgeManager, Roles.Admin],
        [Trainer] = [Roles.Trainer, Roles.KnowledgeManager, Roles.Admin],
        [KnowledgeManager] = [Roles.KnowledgeManager, Roles.Admin],
        [Admin] = [Roles.Admin],
    };
}
