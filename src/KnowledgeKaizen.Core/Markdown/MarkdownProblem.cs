namespace KnowledgeKaizen.Core.Markdown;

/// <summary>
/// Why a text cannot be rendered: English text that pages localise as a key, with <see cref="Arguments"/> for its
/// placeholders (like a <see cref="RuleException"/>, which a module raises from it when a save is refused).
/// </summary>
public sealed record MarkdownProblem(string Message, params object[] Arguments)
{
    /// <summary>Quotes, lists or inline markup nested deeper than <see cref="MarkdownLimits.MaxNesting"/> (or too deep for the parser itself).</summary>
    public static readonly MarkdownProblem TooDeep = new("Quotes, lists, links or emphasis are nested more than {0} levels deep; flatten the structure.", MarkdownLimits.MaxNesting);

    public static readonly MarkdownProblem TooLong = new("The document is longer than {0} characters; split it into smaller documents.", MarkdownRenderer.MaxSourceLength);

    public string FormattedMessage => string.Format(CultureInfo.InvariantCulture, Message, Arguments);
}
