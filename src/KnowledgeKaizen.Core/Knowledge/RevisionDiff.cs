using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>Line diff of two revisions with DiffPlex.</summary>
public static class RevisionDiff
{
    private static readonly SideBySideDiffBuilder Builder = new(new Differ());

    public static RevisionComparison Compare(DocumentRevision from, DocumentRevision to)
    {
        var model = Builder.BuildDiffModel(from.Body.Replace("\r\n", "\n"), to.Body.Replace("\r\n", "\n"), ignoreWhitespace: false);
        var rows = new List<DiffRow>(Math.Max(model.OldText.Lines.Count, model.NewText.Lines.Count));
        for (var i = 0; i < Math.Max(model.OldText.Lines.Count, model.NewText.Lines.Count); i++)
        {
            var old = i < model.OldText.Lines.Count ? model.OldText.Lines[i] : null;
            var @new = i < model.NewText.Lines.Count ? model.NewText.Lines[i] : null;
            rows.Add(new DiffRow(old?.Position, old?.Text ?? string.Empty, Kind(old), @new?.Position, @new?.Text ?? string.Empty, Kind(@new)));
        }

        return new RevisionComparison(from, to, rows);
    }

    private static DiffLineKind Kind(DiffPiece? piece) => piece?.Type switch
    {
        ChangeType.Inserted => DiffLineKind.Inserted,
        ChangeType.Deleted => DiffLineKind.Deleted,
        ChangeType.Modified => DiffLineKind.Modified,
        ChangeType.Unchanged => DiffLineKind.Unchanged,
        _ => DiffLineKind.Empty,
    };
}
