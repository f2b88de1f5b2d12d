namespace KnowledgeKaizen.Web.Pages.Courses;

/// <summary>A module to add (document) or its notes.</summary>
public sealed class ModuleInput
{
    public int DocumentId { get; set; }

    public string? Notes { get; set; }
}
