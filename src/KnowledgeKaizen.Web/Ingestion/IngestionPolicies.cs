namespace KnowledgeKaizen.Web.Ingestion;

/// <summary>Authorization policies of the ingestion endpoints, which accept a sign-in cookie or an API token.</summary>
public static class IngestionPolicies
{
    /// <summary>Bulk imports, their progress and templates: Admins, or an Admin-issued API token.</summary>
    public const string ImportApi = nameof(ImportApi);

    /// <summary>Recording a single feedback or service case: any portal role, or an API token.</summary>
    public const string FrontlineApi = nameof(FrontlineApi);
}
