using System.Net;

namespace KnowledgeKaizen.Core.Markdown;

/// <summary>
/// The words a reader sees in a drawn Mermaid diagram, for the search index and summaries instead of its source.
/// Flowcharts (the kind the library and the templates use) give their node, edge and subgraph labels, and the id
/// of a node that never gets a label (Mermaid draws the id then). Sequence diagrams give participants and messages.
/// Other kinds give only their title: their syntax mixes labels with data too freely to tell them apart.
/// </summary>
internal static partial class MermaidLabels
{
    // Opening shapes, longest first, with the closings Mermaid accepts for each.
    private static readonly (string Open, string[] Close)[] Shapes =
    [
        ("(((", [")))"]), ("((", ["))"]), ("([", ["])"]), ("[[", ["]]"]), ("[(", [")]"]), ("[/", ["/]", "\\]"]),
        ("[\\", ["\\]", "/]"]), ("{{", ["}}"]), ("[", ["]"]), ("(", [")"]), ("{", ["}"]), (">", ["]"]),
    ];

    public static IReadOnlyList<string> Of(string source)
    {
        var lines = source.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("%%", StringComparison.Ordinal)).ToList();
        if (lines.Count == 0)
        {
            return [];
        }

        var kind = lines[0].Split(' ', 2)[0];
        var body = lines.Skip(1);
        return kind switch
        {
            "flowchart" or "graph" => Flowchart(body),
            "sequenceDiagram" => Sequence(body),
            _ => [.. body.Where(l => l.StartsWith("title ", StringComparison.Ordinal)).Select(l => Clean(l["title ".Length..]))],
        };
    }

    private static List<string> Flowchart(IEnumerable<string> lines)
    {
        var labels = new List<string>();
        var labelled = new HashSet<string>(StringComparer.Ordinal);
        var bare = new List<string>();
        // Entity codes (#quot;) end in a semicolon, which otherwise separates statements: they are set aside first.
        foreach (var statement in lines.SelectMany(l => EntityCode().Replace(l, "\u0001$1\u0002").Split(';')).Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            var first = statement.Split(' ', 2)[0];
            if (first is "classDef" or "class" or "style" or "linkStyle" or "click" or "direction" or "end")
            {
                continue;
            }

            if (first == "subgraph")
            {
                var title = statement.Length > "subgraph".Length ? statement["subgraph".Length..].Trim() : string.Empty;
                var bracket = title.IndexOf('[', StringComparison.Ordinal);
                labels.Add(Clean(bracket >= 0 ? title[(bracket + 1)..].TrimEnd(']') : title));
                continue;
            }

            // Each pass blanks what it read (same length), so the labels keep their places in the statement.
            var found = new List<(int At, string Text)>();
            var rest = Take(PipeLabel(), ClassSuffix().Replace(statement, m => new string(' ', m.Length)), found);
            rest = Take(EdgeLabel(), rest, found);
            rest = Take(ShapeData(), rest, found, m => labelled.Add(m.Groups["id"].Value));
            rest = NodeShapes(rest, found, labelled);
            labels.AddRange(found.OrderBy(f => f.At).Select(f => f.Text));
            bare.AddRange(Identifier().Matches(rest).Select(m => m.Value));
        }

        labels.AddRange(bare.Where(id => !labelled.Contains(id)).Distinct(StringComparer.Ordinal));
        return [.. labels.Where(l => l.Length > 0)];
    }

    /// <summary>Reads every <c>id[label]</c>-like shape of the statement; returns the statement with the shapes blanked.</summary>
    private static string NodeShapes(string statement, List<(int At, string Text)> found, HashSet<string> labelled)
    {
        var rest = statement.ToCharArray();
        var i = 0;
        while (Identifier().Match(statement, i) is { Success: true } id)
        {
            i = id.Index + id.Length;
            var at = i;
            while (at < statement.Length && statement[at] == ' ')
            {
                at++;
            }

            var shape = Shapes.FirstOrDefault(s => string.CompareOrdinal(statement, at, s.Open, 0, s.Open.Length) == 0);
            if (shape.Open is null)
            {
                continue;
            }

            var start = at + shape.Open.Length;
            var end = LabelEnd(statement, start, shape.Close, out var closeLength);
            found.Add((id.Index, Clean(statement[start..end])));
            labelled.Add(id.Value);
            i = Math.Min(statement.Length, end + closeLength);
            Array.Fill(rest, ' ', at, i - at);
        }

        return new string(rest);
    }

    private static string Take(Regex regex, string statement, List<(int At, string Text)> found, Action<Match>? also = null) =>
        regex.Replace(statement, m =>
        {
            found.Add((m.Index, Clean(m.Groups["text"].Value)));
            also?.Invoke(m);
            return new string(' ', m.Length);
        });

    private static int LabelEnd(string statement, int start, string[] closings, out int closeLength)
    {
        var from = start;
        while (from < statement.Length && statement[from] == ' ')
        {
            from++;
        }

        if (from < statement.Length && statement[from] == '"' && statement.IndexOf('"', from + 1) is var quote and > 0)
        {
            from = quote + 1;
        }

        var best = statement.Length;
        closeLength = 0;
        foreach (var close in closings)
        {
            var found = statement.IndexOf(close, from, StringComparison.Ordinal);
            if (found >= 0 && found < best)
            {
                best = found;
                closeLength = close.Length;
            }
        }

        return best;
    }

    private static List<string> Sequence(IEnumerable<string> lines)
    {
        var labels = new List<string>();
        foreach (var line in lines)
        {
            if (Participant().Match(line) is { Success: true } participant)
            {
                labels.Add(Clean(participant.Groups["alias"].Success ? participant.Groups["alias"].Value : participant.Groups["id"].Value));
            }
            else if (line.StartsWith("title", StringComparison.Ordinal) || Message().IsMatch(line))
            {
                labels.Add(Clean(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..]));
            }
            else if (line.StartsWith("Note ", StringComparison.Ordinal) && line.Contains(':', StringComparison.Ordinal))
            {
                labels.Add(Clean(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..]));
            }
        }

        return [.. labels.Where(l => l.Length > 0)];
    }

    /// <summary>A label as drawn: no quotes, Markdown-string backticks or line-break tags; Mermaid's <c>#quot;</c> entities decoded.</summary>
    private static string Clean(string label)
    {
        var text = LineBreak().Replace(label.Trim().Trim('"', '`').Trim(), " ");
        text = WebUtility.HtmlDecode(EntityCode().Replace(text, "&$1;").Replace('\u0001', '&').Replace('\u0002', ';'));
        return string.Join(' ', text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex(@":::[\w-]+")]
    private static partial Regex ClassSuffix();

    [GeneratedRegex(@"\|(?<text>[^|]*)\|")]
    private static partial Regex PipeLabel();

    // "A -- text --> B", "A == text ==> B", "A -. text .-> B": the text between the two halves of the link.
    [GeneratedRegex(@"(?<![-=.])(?:--|==|-\.)\s+(?<text>[^\s>|=.-][^>|]*?)\s*(?<arrow>-->|---|==>|===|\.->|-\.-)")]
    private static partial Regex EdgeLabel();

    // The v11 shape syntax: A@{ shape: diamond, label: "Decide" }.
    [GeneratedRegex(@"(?<id>[\p{L}\p{N}_]+)@\{[^}]*?label:\s*""(?<text>[^""]*)""[^}]*\}")]
    private static partial Regex ShapeData();

    [GeneratedRegex(@"[\p{L}\p{N}_]+")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^(?:participant|actor)\s+(?<id>\S+)(?:\s+as\s+(?<alias>.+))?$")]
    private static partial Regex Participant();

    [GeneratedRegex(@"^[^:]+?(?:->>|-->>|->|-->|-x|--x|-\)|--\))[+-]?[^:]+:")]
    private static partial Regex Message();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"#(\w+);")]
    private static partial Regex EntityCode();
}
