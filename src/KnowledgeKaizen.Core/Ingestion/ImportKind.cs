namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>The kinds of CRM record a file can hold; their columns are in <see cref="ImportKinds"/>.</summary>
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
