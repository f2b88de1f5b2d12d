namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>
/// The text a standardisation proposes: the procedure's current text with the playbook's practice — its "What I do"
/// and "Steps" sections, not the situation, reasoning, pitfalls or evidence — added at the end of the first procedure
/// step the playbook improves (at the end of the text when the procedure has no such step), crediting the author.
/// </summary>
public static class PracticeProposal
{
    /// <summary>Section headings (English and Chinese templates) that hold the practice itself.</summary>
    private static readonly HashSet<string> PracticeSections = new(StringComparer.OrdinalIgnoreCase)
    {
        "What I do", "Steps", "我的做法", "操作步骤",
    };

    public static string Body(KnowledgeDocument procedure, KnowledgeDocument playbook)
    {
        var lines = procedure.CurrentRevision.Body.Replace("\r\n", "\n").TrimEnd().Split('\n').ToList();
        var anchors = playbook.Improves.Where(i => i.StartsWith(procedure.Slug + "#", StringComparison.Ordinal))
            .Select(i => i[(procedure.Slug.Length + 1)..]).ToList();
        var (insertAt, level) = InsertionPoint(lines, anchors);
        var chinese = playbook.Language == "zh";
        var heading = new string('#', level) + (chinese ? $" 采纳的做法：{playbook.Title}" : $" Adopted practice: {playbook.Title}");
        var credit = chinese
            ? $"> 来自 {playbook.AuthorName} 的最佳实践手册（[#{playbook.Id}](/Knowledge/Details/{playbook.Id})）。"
            : $"> From the playbook by {playbook.AuthorName} ([#{playbook.Id}](/Knowledge/Details/{playbook.Id})).";
        var practice = Practice(playbook.RevisionInForce(DateOnly.MaxValue)?.Body ?? playbook.CurrentRevision.Body, level + 1);
        lines.InsertRange(insertAt, ["", heading, "", credit, "", .. practice.Split('\n')]);
        return string.Join('\n', lines).TrimEnd() + "\n";
    }

    /// <summary>
    /// The line before which the practice goes and the heading level it gets: the end of the first improved step's
    /// section (the next heading of the same or a higher level), one level below the step.
    /// </summary>
    private static (int Line, int Level) InsertionPoint(List<string> lines, IReadOnlyList<string> anchors)
    {
        foreach (var anchor in anchors)
        {
            var step = lines.FindIndex(l => l.StartsWith('#') && l.TrimEnd().EndsWith("{#" + anchor + "}", StringComparison.Ordinal));
            if (step < 0)
            {
                continue;
            }

            var level = Level(lines[step]);
            var end = lines.FindIndex(step + 1, l => Level(l) > 0 && Level(l) <= level);
            return (end < 0 ? lines.Count : TrimBlankLinesBefore(lines, end), Math.Min(level + 1, 6));
        }

        return (lines.Count, 2);
    }

    /// <summary>The practice sections of a playbook, headings moved to <paramref name="level"/>; all but the evidence when it has none.</summary>
    internal static string Practice(string playbookBody, int level)
    {
        var sections = Sections(playbookBody);
        var chosen = sections.Where(s => s.Title is { } t && PracticeSections.Contains(t)).ToList();
        if (chosen.Count == 0)
        {
            chosen = [.. sections.Where(s => s.Title is null || !(s.Title.Equals("Evidence", StringComparison.OrdinalIgnoreCase) || s.Title == "效果依据"))];
        }

        var text = string.Join("\n\n", chosen.Select(s => s.Title is null
            ? Shift(s.Text, level - 2)
            : new string('#', Math.Min(level, 6)) + " " + s.Title + (s.Text.Length > 0 ? "\n\n" + Shift(s.Text, level - 2) : string.Empty)));
        return text.Trim();
    }

    private static List<(string? Title, string Text)> Sections(string body)
    {
        var sections = new List<(string? Title, string Text)>();
        string? title = null;
        var text = new List<string>();
        foreach (var line in body.Replace("\r\n", "\n").Split('\n'))
        {
            var level = Level(line);
            if (level == 1)
            {
                continue;
            }

            if (level == 2)
            {
                Flush();
                title = line[2..].Trim();
                continue;
            }

            text.Add(line);
        }

        Flush();
        return sections;

        void Flush()
        {
            var joined = string.Join('\n', text).Trim();
            if (title is not null || joined.Length > 0)
            {
                sections.Add((title, joined));
            }

            text.Clear();
        }
    }

    /// <summary>Deeper headings inside a section move down with it, keeping their nesting.</summary>
    private static string Shift(string text, int by) => string.Join('\n', text.Split('\n').Select(line =>
        Level(line) is var level && level > 0 ? new string('#', Math.Min(level + by, 6)) + line[level..] : line));

    private static int Level(string line)
    {
        var hashes = line.TakeWhile(c => c == '#').Count();
        return hashes is > 0 and <= 6 && line.Length > hashes && line[hashes] == ' ' ? hashes : 0;
    }

    private static int TrimBlankLinesBefore(List<string> lines, int index)
    {
        while (index > 0 && lines[index - 1].Trim().Length == 0)
        {
            index--;
        }

        return index;
    }
}
