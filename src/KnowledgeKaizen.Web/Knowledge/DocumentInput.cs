namespace KnowledgeKaizen.Web.Knowledge;

/// <summary>The editor form: text, metadata per kind, and the version the editor started from.</summary>
public sealed class DocumentInput
{
    [Required(ErrorMessage = "A title is required.")]
    [StringLength(KnowledgeDocument.MaxTitleLength, ErrorMessage = "The title is too long.")]
    public string Title { get; set; } = string.Empty;

    [StringLength(KnowledgeDocument.MaxSummaryLength, ErrorMessage = "The summary is too long.")]
    public string? Summary { get; set; }

    public string? Body { get; set; }

    public string Language { get; set; } = "en";

    [StringLength(100, ErrorMessage = "The slug is too long.")]
    public string? Slug { get; set; }

    /// <summary>Comma-separated.</summary>
    public string? Tags { get; set; }

    public List<string> Stages { get; set; } = [];

    public string? Owner { get; set; }

    [Range(1, 3650, ErrorMessage = "The review interval must be between 1 and 3650 days.")]
    public int ReviewIntervalDays { get; set; } = KnowledgeDocument.DefaultReviewIntervalDays;

    /// <summary>The procedure steps picked, each "procedure-slug#step-N".</summary>
    public List<string> Improves { get; set; } = [];

    public string? Issue { get; set; }

    public string? Environment { get; set; }

    public string? Cause { get; set; }

    [StringLength(1000, ErrorMessage = "The change note is too long.")]
    public string? ChangeNote { get; set; }

    public int Version { get; set; }

    public DocumentMetadata ToMetadata() => new()
    {
        Summary = Summary ?? string.Empty,
        Tags = Split(Tags),
        Stages = Stages,
        Owner = Owner,
        ReviewIntervalDays = ReviewIntervalDays,
        Improves = [.. Improves.Select(i => i.Trim()).Where(i => i.Length > 0)],
        Issue = Issue,
        Environment = Environment,
        Cause = Cause,
    };

    public static DocumentInput From(KnowledgeDocument document) => new()
    {
        Title = document.Title,
        Summary = document.Summary,
        Body = document.CurrentRevision.Body,
        Language = document.Language,
        Slug = document.Slug,
        Tags = string.Join(", ", document.Tags),
        Stages = [.. document.Stages],
        Owner = document.Owner,
        ReviewIntervalDays = document.ReviewIntervalDays,
        Improves = [.. document.Improves],
        Issue = document.Issue,
        Environment = document.Environment,
        Cause = document.Cause,
        Version = document.Version,
    };

    private static string[] Split(string? text) =>
        (text ?? string.Empty).Split([',', '\n', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
