namespace KnowledgeKaizen.Web.Insights;

/// <summary>
/// A dashboard table: the same object renders the HTML table (which is also the chart's data and the
/// screen-reader/no-JavaScript view) and the CSV download, so the three can never disagree. A <c>Note</c> under the
/// table explains a figure which could otherwise be misread.
/// </summary>
public sealed record MetricTable(string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<MetricValue>> Rows, ChartSpec? Chart = null,
    TableNote? Note = null)
{
    public bool IsEmpty => Rows.Count == 0;
}

/// <summary>An explanation under a table and the metric definition (its key on the Definitions page) it summarises.</summary>
public sealed record TableNote(string Text, string Definition);
