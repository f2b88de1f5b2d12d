using KnowledgeKaizen.Search;

namespace KnowledgeKaizen.Web.Pages.Search;

/// <summary>
/// What the search page asked for, as it travels in the URL: words, facet filters, sort and page. Values a
/// user could tamper with are clamped here; the engine treats the words as plain text.
/// </summary>
public sealed record SearchQuery
{
    public const int PageSize = 10;
    public const int MaxPage = 50;
    public const int MaxFilterValues = 10;

    public string? Text { get; init; }

    public IReadOnlyList<string> Types { get; init; } = [];

    public IReadOnlyList<string> Stages { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Statuses { get; init; } = [];

    public IReadOnlyList<string> Languages { get; init; } = [];

    public IReadOnlyList<string> Authors { get; init; } = [];

    public SearchSort Sort { get; init; }

    /// <summary>One result's near-identical records listed in full (the "similar" link), or null.</summary>
    public string? Group { get; init; }

    /// <summary>"en" or "zh": the reader's language, shown first where a document has both versions.</summary>
    public string? Language { get; init; }

    public int Page { get; init; } = 1;

    public bool HasFilters => Types.Count + Stages.Count + Tags.Count + Statuses.Count + Languages.Count + Authors.Count > 0 || Group is not null;

    public static IReadOnlyList<string> Clean(IEnumerable<string?>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())
            .Where(v => v.Length <= 100).Distinct(StringComparer.Ordinal).Take(MaxFilterValues).ToList();

    internal SearchRequest ToRequest(SearchReader reader) => new()
    {
        Text = Text,
        Reader = reader,
        Types = Types,
        Stages = Stages,
        Tags = Tags,
        Statuses = Statuses,
        Languages = Languages,
        Authors = Authors,
        Sort = Sort,
        Group = string.IsNullOrWhiteSpace(Group) || Group.Length > 200 ? null : Group,
        PreferredLanguage = Language,
        Skip = (Math.Clamp(Page, 1, MaxPage) - 1) * PageSize,
        Take = PageSize,
    };
}
