namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>A finding with the rep's current CRM id, name and team and the stage's display names.</summary>
public sealed record FindingRow(PerformerFinding Finding, string RepExternalId, string RepName, string Team, string StageName, string? StageNameZh,
    int StagePosition, string? ProcedureSlug)
{
    public string StageDisplay(bool chinese) => chinese && !string.IsNullOrEmpty(StageNameZh) ? StageNameZh : StageName;
}
