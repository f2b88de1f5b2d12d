namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>One aligned row of a side-by-side diff.</summary>
public sealed record DiffRow(int? OldNumber, string OldText, DiffLineKind OldKind, int? NewNumber, string NewText, DiffLineKind NewKind);
