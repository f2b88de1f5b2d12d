namespace KnowledgeKaizen.Core.Identity;

/// <summary>The portal's five roles; each higher one adds to what the lower ones may do.</summary>
public static class Roles
{
    public const string Staff = "Staff";
    public const string Contributor = "Contributor";
    public const string Trainer = "Trainer";
    public const string KnowledgeManager = "KnowledgeManager";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Staff, Contributor, Trainer, KnowledgeManager, Admin];
}
