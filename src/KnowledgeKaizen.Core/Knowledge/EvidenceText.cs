namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>
/// The evidence a capture request carries, as it goes into a playbook's text. A paragraph that still holds a
/// placeholder ("procedure-slug#step-N") is a note to the author, not evidence, and stays out of the text.
/// </summary>
public static partial class EvidenceText
{
    public static string ForBody(string? evidenceMarkdown)
    {
        if (string.IsNullOrWhiteSpace(evidenceMarkdown))
        {
            return string.Empty;
        }

        var paragraphs = Paragraphs().Split(evidenceMarkdown.Replace("\r\n", "\n").Trim());
        return string.Join("\n\n", paragraphs.Where(p => !Placeholder().IsMatch(p))).Trim();
    }

    /// <summary>Whether <paramref name="body"/> already holds the evidence (so it need not be shown again beside it).</summary>
    public static bool IsIn(string? evidenceMarkdown, string body)
    {
        var firstFact = ForBody(evidenceMarkdown).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
        return firstFact is null || body.Replace("\r\n", "\n").Contains(firstFact, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex Paragraphs();

    [GeneratedRegex(@"step-N\b")]
    private static partial Regex Placeholder();
}
