namespace KnowledgeKaizen.Core.Audit;

/// <summary>Settings under "KnowledgeKaizen:Audit".</summary>
public sealed class AuditOptions
{
    public const string Section = "KnowledgeKaizen:Audit";

    /// <summary>Entries older than this are deleted by the daily purge.</summary>
    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = 400;
}
