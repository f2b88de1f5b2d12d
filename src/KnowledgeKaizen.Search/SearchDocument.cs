namespace KnowledgeKaizen.Search;

/// <summary>
/// One searchable item as the host maps it from its own entities. <see cref="Type"/> plus <see cref="Key"/>
/// identify it: upserting the same pair replaces the earlier version.
/// </summary>
public sealed record SearchDocument
{
    /// <summary>Kind of content: playbook, procedure, solution, case, feedback… (facet and filter value).</summary>
    public required string Type { get; init; }

    /// <summary>The host's identifier, unique within <see cref="Type"/>.</summary>
    public required string Key { get; init; }

    /// <summary>Plain text, like <see cref="Body"/>.</summary>
    public required string Title { get; init; }

    /// <summary>
    /// Plain text: indexed, and what hits and snippets show. The host strips Markdown first, so neither URLs nor
    /// syntax become search terms and snippet offsets point into readable text.
    /// </summary>
    public string Body { get; init; } = "";

    /// <summary>Plain text, like <see cref="Body"/>.</summary>
    public string? Summary { get; init; }

    public IReadOnlyCollection<string> Tags { get; init; } = [];

    /// <summary>Sales or service stages the item applies to.</summary>
    public IReadOnlyCollection<string> Stages { get; init; } = [];

    /// <summary>Lifecycle status: draft, in-review, published, standardised, archived…</summary>
    public string Status { get; init; } = "published";

    /// <summary>"en" or "zh"; when null it is detected from the share of CJK characters.</summary>
    public string? Language { get; init; }

    public string? Author { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Votes balance (helpful minus not helpful); nudges ranking, see <see cref="RankingBoosts"/>.</summary>
    public int Helpfulness { get; init; }

    public string? Url { get; init; }

    /// <summary>
    /// Shared by the language versions of one document (e.g. its kind and slug): they show as one result, in the
    /// reader's language when that version matched, with a switch to the others.
    /// </summary>
    public string? VersionGroup { get; init; }

    /// <summary>
    /// Shared by near-identical records (the same complaint sent two hundred times): they show as one result with a count.
    /// Ignored when <see cref="VersionGroup"/> is set.
    /// </summary>
    public string? DuplicateGroup { get; init; }

    /// <summary>Who may read it. Enforced inside the engine on every search and suggestion.</summary>
    public required SearchVisibility Visibility { get; init; }
}
