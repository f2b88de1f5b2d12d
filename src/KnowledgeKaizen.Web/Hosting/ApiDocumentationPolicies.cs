namespace KnowledgeKaizen.Web.Hosting;

/// <summary>Authorization policy of the API description, which accepts a sign-in cookie or an API token.</summary>
public static class ApiDocumentationPolicies
{
    /// <summary>Who may read the description: Admins, signed in or with an API token (which Admins issue).</summary>
    public const string ApiDocumentation = nameof(ApiDocumentation);
}
