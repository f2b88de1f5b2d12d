namespace KnowledgeKaizen.Web.PerformerDetection;

/// <summary>Authorization policy of the findings API: a signed-in knowledge manager or admin, or an API token.</summary>
public static class PerformerDetectionPolicies
{
    public const string FindingsApi = nameof(FindingsApi);
}
