namespace KnowledgeKaizen.Core.Knowledge.Content;

/// <summary>The result of one import run, kept for Admins.</summary>
public sealed record ContentImportReport(DateTimeOffset At, string Root, IReadOnlyList<ContentImportItem> Items, string? Problem = null)
{
    public int Count(ContentImportOutcome outcome) => Items.Count(i => i.Outcome == outcome);
}
