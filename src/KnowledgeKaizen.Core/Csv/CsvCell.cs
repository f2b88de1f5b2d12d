namespace KnowledgeKaizen.Core.Csv;

/// <summary>One CSV cell: text (neutralised against formulas) or a number the portal wrote itself (kept a number).</summary>
public readonly record struct CsvCell(string Value, bool IsText)
{
    public static CsvCell Text(string? value) => new(value ?? string.Empty, IsText: true);

    /// <summary>A number already formatted with the invariant culture.</summary>
    public static CsvCell Number(string invariant) => new(invariant, IsText: false);
}
