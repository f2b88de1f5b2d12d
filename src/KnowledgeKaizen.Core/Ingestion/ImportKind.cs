namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>The kinds of CRM record a file can hold (see CRM-FORMATS.md).</summary>
public enum ImportKind
{
    Stages,
    Reps,
    Customers,
    Opportunities,
    StageHistory,
    Activities,
    ServiceCases,
    Feedback,
}
