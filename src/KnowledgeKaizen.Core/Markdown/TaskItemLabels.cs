using Markdig.Extensions.TaskLists;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace KnowledgeKaizen.Core.Markdown;

/// <summary>
/// A task-list item ("- [x] Ask who signs") renders as a disabled checkbox before the item's text. A form field needs a
/// name for screen readers, and the only words that describe this one are the item's own, in the document's language:
/// each checkbox is labelled with the text of its item.
/// </summary>
internal static class TaskItemLabels
{
    /// <summary>A label is for recognising the item, not for reading all of it.</summary>
    private const int MaxLength = 200;

    public static void Apply(MarkdownDocument document)
    {
        foreach (var task in document.Descendants<TaskList>())
        {
            if (task.Parent?.ParentBlock is not { } item)
            {
                continue;
            }

            var text = MarkdownPlainText.Of(item);
            task.GetAttributes().AddProperty("aria-label", text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength - 1), "…"));
        }
    }
}
