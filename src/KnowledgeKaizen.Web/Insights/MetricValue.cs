using System.Globalization;

namespace KnowledgeKaizen.Web.Insights;

/// <summary>One table cell: the raw value (CSV, charts) and its display format (HTML).</summary>
public readonly record struct MetricValue(object? Raw, CellFormat Format)
{
    public static MetricValue Text(string? text) => new(text, CellFormat.Text);

    public static MetricValue Of(double? value, CellFormat format) => new(value, format);

    public static MetricValue Count(long value) => new(value, CellFormat.Count);

    public double? Number => Raw switch { long l => l, double d => d, int i => i, _ => null };

    /// <summary>Culture-formatted text for the page ("—" for no value).</summary>
    public string Display(CultureInfo culture) => Raw is string s ? s : Number is not { } n ? "—" : Format switch
    {
        CellFormat.Count => n.ToString("N0", culture),
        CellFormat.Percent => n.ToString("P1", culture),
        CellFormat.Money => n.ToString("N0", culture),
        CellFormat.Days or CellFormat.Hours or CellFormat.Score => n.ToString("N1", culture),
        _ => n.ToString("N2", culture),
    };

    /// <summary>Invariant text for CSV and the chart data attributes.</summary>
    public string Invariant => Raw switch
    {
        string s => s,
        null => string.Empty,
        _ => Number is { } n ? n.ToString("0.######", CultureInfo.InvariantCulture) : string.Empty,
    };
}
