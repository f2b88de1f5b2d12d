namespace KnowledgeKaizen.Web.Insights;

/// <summary>How a cell's number is shown (and that CSV keeps it raw).</summary>
public enum CellFormat { Text, Count, Percent, Decimal, Days, Hours, Money, Score }
