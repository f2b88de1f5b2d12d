namespace KnowledgeKaizen.Search;

/// <summary>A matching document. HTML properties are safe to render: all text is escaped except the &lt;mark&gt; tags.</summary>
public sealed record SearchHit
{
    public required string Type { get; init; }

    public required string Key { get; init; }

    public required string Title { get; init; }

    public string? Url { get; init; }

    public string? Summary { get; init; }

    public required string Status { get; init; }

    public required string Language { get; init; }

    public string? Author { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Stages { get; init; } = [];

    public float Score { get; init; }

    /// <summary>Escaped title with matches wrapped in &lt;mark&gt;.</summary>
    public required string TitleHtml { get; init; }

    /// <summary>Escaped best passage of the body (Markdown stripped) with matches wrapped in &lt;mark&gt;.</summary>
    public required string SnippetHtml { get; init; }
}
