namespace KnowledgeKaizen.Web.Insights;

/// <summary>
/// A dashboard table: the same object renders the HTML table (which is also the chart's data and the
/// screen-reader/no-JavaScript view) and the CSV download, so the three can never disagree.
/// </summary>
public sealed record MetricTable(string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<MetricValue>> Rows, ChartSpec? Chart = null)
{
    public bool IsEmpty => Rows.Count == 0;
}
