using KnowledgeKaizen.Core.Markdown;

namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// The engine indexes plain text: titles, summaries and bodies go through the portal's one Markdown pipeline first.
/// A batch is converted on every core, because the engine pulls documents one at a time under a lock while
/// it indexes in parallel, so conversion done inside that pull would run on one thread.
/// </summary>
public static class SearchPlainText
{
    /// <summary>The batch in plain text, in its order.</summary>
    public static IReadOnlyList<SearchDocument> Of(IEnumerable<SearchDocument> batch, MarkdownRenderer markdown) =>
        batch.AsParallel().AsOrdered().Select(document => Of(document, markdown)).ToList();

    /// <summary>One document in plain text.</summary>
    public static SearchDocument Of(SearchDocument document, MarkdownRenderer markdown) => document with
    {
        Title = markdown.ToPlainText(document.Title),
        Body = markdown.ToPlainText(document.Body),
        Summary = document.Summary is null ? null : markdown.ToPlainText(document.Summary),
    };
}
