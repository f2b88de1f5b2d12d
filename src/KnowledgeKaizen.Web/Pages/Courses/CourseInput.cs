namespace KnowledgeKaizen.Web.Pages.Courses;

/// <summary>Title, objectives and audience of a course.</summary>
public sealed class CourseInput
{
    [Required(ErrorMessage = "A title is required.")]
    [StringLength(Course.MaxTitleLength, ErrorMessage = "The title is too long.")]
    public string Title { get; set; } = string.Empty;

    [StringLength(Course.MaxObjectivesLength, ErrorMessage = "The objectives are too long.")]
    public string? Objectives { get; set; }

    public string? AudienceRole { get; set; }

    public string? AudienceStage { get; set; }
}
