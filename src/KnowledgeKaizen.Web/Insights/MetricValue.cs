namespace KnowledgeKaizen.Web.Insights;

/// <summary>Whether a change is an improvement, given which direction is good for the metric.</summary>
public enum CellTone { None, Better, Worse }

/// <summary>
/// One table cell: the raw value (CSV, charts) and its display format (HTML). A change (<see cref="IsChange"/>) is shown
/// signed in the metric's own unit — counts whole, differences of percentages in percentage points — and never as
/// "-0.0": what rounds to nothing is "0". Its <see cref="Tone"/> says whether it is for the better.
/// </summary>
public readonly record struct MetricValue(object? Raw, CellFormat Format, bool IsChange = false, CellTone Tone = CellTone.None)
{
    private const char Minus = '\u2212';

    public static MetricValue Text(string? text) => new(text, CellFormat.Text);

    public static MetricValue Of(double? value, CellFormat format) => new(value, format);

    public static MetricValue Count(long value) => new(value, CellFormat.Count);

    /// <summary>
    /// <paramref name="current"/> − <paramref name="previous"/>; the tone follows <paramref name="higherIsBetter"/> (none for a
    /// metric that is neither good nor bad when it grows, or when the change rounds to nothing).
    /// </summary>
    public static MetricValue Change(double? current, double? previous, CellFormat format, bool? higherIsBetter)
    {
        var difference = current - previous;
        var shown = difference is { } d ? Rounded(d, format) : 0;
        var tone = shown == 0 || higherIsBetter is not { } up ? CellTone.None : (shown > 0) == up ? CellTone.Better : CellTone.Worse;
        return new MetricValue(difference, format, IsChange: true, tone);
    }

    public double? Number => Raw switch { long l => l, double d => d, int i => i, _ => null };

    /// <summary>Culture-formatted text for the page ("—" for no value); <paramref name="points"/> names percentage points.</summary>
    public string Display(CultureInfo culture, string points = "pp")
    {
        if (Raw is string s)
        {
            return s;
        }

        if (Number is not { } n)
        {
            return "—";
        }

        if (IsChange)
        {
            var rounded = Rounded(n, Format);
            var unit = Format == CellFormat.Percent ? " " + points : string.Empty;
            var magnitude = Math.Abs(rounded).ToString("N" + Decimals(Format), culture);
            return rounded == 0 ? "0" + unit : (rounded > 0 ? "+" : Minus.ToString()) + magnitude + unit;
        }

        return Format switch
        {
            CellFormat.Count => n.ToString("N0", culture),
            CellFormat.Percent => n.ToString("P1", culture),
            CellFormat.Money => n.ToString("N0", culture),
            CellFormat.Days or CellFormat.Hours or CellFormat.Score => n.ToString("N1", culture),
            _ => n.ToString("N2", culture),
        };
    }

    /// <summary>Invariant text for CSV and the chart data attributes.</summary>
    public string Invariant => Raw switch
    {
        string s => s,
        null => string.Empty,
        _ => Number is { } n ? n.ToString("0.######", CultureInfo.InvariantCulture) : string.Empty,
    };

    /// <summary>The change as shown: a percentage's difference in points, rounded to the decimals shown.</summary>
    private static double Rounded(double difference, CellFormat format) =>
        Math.Round(format == CellFormat.Percent ? difference * 100 : difference, Decimals(format), MidpointRounding.AwayFromZero);

    private static int Decimals(CellFormat format) => format switch
    {
        CellFormat.Count or CellFormat.Money => 0,
        CellFormat.Percent or CellFormat.Days or CellFormat.Hours or CellFormat.Score => 1,
        _ => 2,
    };
}
