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
    /// <remarks>
    /// <see cref="Parallel.For(int, int, Action{int})"/> rather than an ordered PLINQ query: the calling thread converts
    /// whatever no other thread has picked up, where PLINQ's ordered merge blocked it at a barrier until a pool thread ran
    /// every partition. With the pool's threads busy (an import on one, requests on the rest), that froze the whole
    /// portal for a second or two at a time.
    /// </remarks>
    public static IReadOnlyList<SearchDocument> Of(IEnumerable<SearchDocument> batch, MarkdownRenderer markdown)
    {
        var documents = batch.ToArray();
        var plain = new SearchDocument[documents.Length];
        Parallel.For(0, documents.Length, i => plain[i] = Of(documents[i], markdown));
        return plain;
    }

    /// <summary>One document in plain text.</summary>
    public static SearchDocument Of(SearchDocument document, MarkdownRenderer markdown) => document with
    {
        Title = markdown.ToPlainText(document.Title),
        Body = markdown.ToPlainText(document.Body),
        Summary = document.Summary is null ? null : markdown.ToPlainText(document.Summary),
    };
}
