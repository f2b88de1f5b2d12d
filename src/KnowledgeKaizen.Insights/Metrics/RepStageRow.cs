namespace KnowledgeKaizen.Insights.Metrics;

public sealed record RepStageRow(RepInfo Rep, IReadOnlyList<RepStageCell> Cells)
{
    public long Decided => Cells.Sum(c => c.Decided);

    public RepStageCell? Cell(string stageCode) => Cells.FirstOrDefault(c => c.StageCode == stageCode);
}
