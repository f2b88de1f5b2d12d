using System.Text;

namespace KnowledgeKaizen.Lexicon;

/// <summary>One concept in both languages: the English terms and the Chinese terms that name it (first = preferred).</summary>
public sealed record TermEntry(IReadOnlyList<string> English, IReadOnlyList<string> Chinese)
{
    public IEnumerable<string> All => English.Concat(Chinese);
}

/// <summary>What is wrong with a line of a term map, for the editor to show next to it.</summary>
public enum TermMapProblemKind
{
    /// <summary>A row lacks its English or its Chinese terms.</summary>
    MissingLanguage,

    /// <summary>A term is longer than <see cref="TermMap.MaxTermLength"/>.</summary>
    TermTooLong,

    /// <summary>A term already names another concept (which one would a search mean?).</summary>
    DuplicateTerm,

    /// <summary>More than <see cref="TermMap.MaxEntries"/> rows.</summary>
    TooManyEntries,
}

/// <summary>A problem at a 1-based row of the map's table (or line of its text), with the term concerned.</summary>
public sealed record TermMapProblem(int Row, TermMapProblemKind Kind, string? Term = null);

/// <summary>
/// The bilingual term map: which English and Chinese words name the same thing, so a search in one language also
/// finds documents written in the other, and complaint clustering sees 发票 and "invoice" as one word. Stored as a
/// Markdown table (<c>| English | 中文 |</c>, several terms of one cell separated by commas) after free notes.
/// </summary>
public sealed class TermMap
{
    public const int MaxTermLength = 60;
    public const int MaxEntries = 2000;

    private static readonly char[] TermSeparators = [',', '，', '、', ';', '；'];

    public TermMap(IReadOnlyList<TermEntry> entries, string notes = "")
    {
        Entries = entries;
        Notes = notes.Trim();
    }

    public static TermMap Empty { get; } = new([]);

    public IReadOnlyList<TermEntry> Entries { get; }

    /// <summary>Free text before the table (what the map is, how to edit it), kept when the table is saved.</summary>
    public string Notes { get; }

    /// <summary>Reads a map written as Markdown; every problem found is listed (rows with problems are left out).</summary>
    public static (TermMap Map, IReadOnlyList<TermMapProblem> Problems) Parse(string text)
    {
        var notes = new StringBuilder();
        var rows = new List<(string English, string Chinese)>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var inTable = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith('|'))
            {
                if (!inTable)
                {
                    notes.AppendLine(lines[i].TrimEnd());
                }

                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var separator = cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':'));
            var header = !inTable && i + 1 < lines.Length && IsSeparator(lines[i + 1]);
            inTable = true;
            if (!separator && !header)
            {
                rows.Add((cells.ElementAtOrDefault(0) ?? "", cells.ElementAtOrDefault(1) ?? ""));
            }
        }

        return FromRows(rows, notes.ToString());
    }

    /// <summary>Builds a map from rows as an editor holds them (cells with comma-separated terms); blank rows are skipped.</summary>
    public static (TermMap Map, IReadOnlyList<TermMapProblem> Problems) FromRows(IEnumerable<(string English, string Chinese)> rows, string notes = "")
    {
        var problems = new List<TermMapProblem>();
        var entries = new List<TermEntry>();
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        var row = 0;
        foreach (var (englishCell, chineseCell) in rows)
        {
            row++;
            var english = Terms(englishCell);
            var chinese = Terms(chineseCell);
            if (english.Count == 0 && chinese.Count == 0)
            {
                continue;
            }

            var before = problems.Count;
            if (english.Count == 0 || chinese.Count == 0)
            {
                problems.Add(new TermMapProblem(row, TermMapProblemKind.MissingLanguage));
            }

            foreach (var term in english.Concat(chinese))
            {
                if (term.Length > MaxTermLength)
                {
                    problems.Add(new TermMapProblem(row, TermMapProblemKind.TermTooLong, term));
                }
                else if (owner.TryGetValue(TextFolding.Key(term), out var other) && other != row)
                {
                    problems.Add(new TermMapProblem(row, TermMapProblemKind.DuplicateTerm, term));
                }
            }

            if (problems.Count > before)
            {
                continue;
            }

            if (entries.Count == MaxEntries)
            {
                problems.Add(new TermMapProblem(row, TermMapProblemKind.TooManyEntries));
                break;
            }

            foreach (var term in english.Concat(chinese))
            {
                owner.TryAdd(TextFolding.Key(term), row);
            }

            entries.Add(new TermEntry(english, chinese));
        }

        return (new TermMap(entries, notes), problems);
    }

    /// <summary>The map as Markdown: the notes, then one table row per entry.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        if (Notes.Length > 0)
        {
            text.Append(Notes).Append("\n\n");
        }

        text.Append("| English | 中文 |\n|---|---|\n");
        foreach (var entry in Entries)
        {
            text.Append("| ").Append(string.Join(", ", entry.English)).Append(" | ").Append(string.Join("，", entry.Chinese)).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>The terms of one cell: split at commas (English or Chinese) and semicolons, trimmed, pipes removed.</summary>
    public static IReadOnlyList<string> Terms(string? cell) =>
        (cell ?? "").Replace('|', ' ').Split(TermSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => string.Join(' ', t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static bool IsSeparator(string line)
    {
        var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        return line.TrimStart().StartsWith('|') && cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':'));
    }
}
