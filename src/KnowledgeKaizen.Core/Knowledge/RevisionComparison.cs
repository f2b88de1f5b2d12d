namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>A readable comparison of two revisions: the title change and the aligned body lines.</summary>
public sealed record RevisionComparison(DocumentRevision From, DocumentRevision To, IReadOnlyList<DiffRow> Rows)
{
    public int Inserted => Rows.Count(r => r.NewKind is DiffLineKind.Inserted or DiffLineKind.Modified);

    public int Deleted => Rows.Count(r => r.OldKind is DiffLineKind.Deleted or DiffLineKind.Modified);

    public bool TitleChanged => From.Title != To.Title;
}
