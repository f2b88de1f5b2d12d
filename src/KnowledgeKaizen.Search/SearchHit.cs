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

    /// <summary>The group this result stands for (see <see cref="SearchRequest.Group"/>), or null for a single document.</summary>
    public string? Group { get; init; }

    /// <summary>Other matching near-identical records folded into this result.</summary>
    public int Similar { get; init; }

    /// <summary>The document's versions in other languages that the reader may see.</summary>
    public IReadOnlyList<SearchHitVersion> Versions { get; init; } = [];

    /// <summary>Found only through the term map (a term in another language or a synonym), not by the words as typed.</summary>
    public bool ViaTermMap { get; init; }

    /// <summary>Escaped title with matches wrapped in &lt;mark&gt;.</summary>
    public required string TitleHtml { get; init; }

    /// <summary>Escaped best passage of the body (Markdown stripped) with matches wrapped in &lt;mark&gt;.</summary>
    public required string SnippetHtml { get; init; }
}
