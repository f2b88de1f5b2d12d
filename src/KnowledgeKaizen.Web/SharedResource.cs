namespace KnowledgeKaizen.Web;

/// <summary>Marker type for the portal's UI strings (inject <c>IStringLocalizer&lt;SharedResource&gt;</c>).</summary>
public sealed class SharedResource;
