namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>Identity (slug, language) and metadata rules of a document.</summary>
public partial class KnowledgeDocument
{
    private static readonly Regex SlugPattern = SlugRegex();

    public static string ValidSlug(string slug)
    {
        var value = (slug ?? string.Empty).Trim().ToLowerInvariant();
        if (value.Length is 0 or > 100 || !SlugPattern.IsMatch(value))
        {
            throw new KnowledgeRuleException("A slug is lower-case letters, digits and hyphens, at most 100 characters.");
        }

        return value;
    }

    public static string ValidLanguage(string language) =>
        DocumentKinds.Languages.Contains(language) ? language : throw new KnowledgeRuleException("Language must be en or zh.");

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugRegex();

    internal void ApplyMetadata(DocumentMetadata metadata)
    {
        var summary = (metadata.Summary ?? string.Empty).Trim();
        if (summary.Length > MaxSummaryLength)
        {
            throw new KnowledgeRuleException("The summary is longer than {0} characters.", MaxSummaryLength);
        }

        var unknownStage = metadata.Stages.FirstOrDefault(s => !DocumentKinds.Stages.Contains(s));
        if (unknownStage is not null)
        {
            throw new KnowledgeRuleException("Unknown sales stage '{0}'.", unknownStage);
        }

        Summary = summary;
        Tags = Clean(metadata.Tags);
        Stages = Clean(metadata.Stages);
        ReviewIntervalDays = Math.Clamp(metadata.ReviewIntervalDays, 1, 3650);
        Owner = Kind == DocumentKind.Procedure ? Blank(metadata.Owner) : null;
        Improves = Kind == DocumentKind.Playbook ? Clean(metadata.Improves) : [];
        Issue = Kind == DocumentKind.Solution ? Blank(metadata.Issue) : null;
        Environment = Kind == DocumentKind.Solution ? Blank(metadata.Environment) : null;
        Cause = Kind == DocumentKind.Solution ? Blank(metadata.Cause) : null;
    }

    public DocumentMetadata Metadata => new()
    {
        Summary = Summary, Tags = Tags, Stages = Stages, Owner = Owner, ReviewIntervalDays = ReviewIntervalDays,
        Improves = Improves, Issue = Issue, Environment = Environment, Cause = Cause,
    };

    private static string[] Clean(IEnumerable<string> values) =>
        [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
