using KnowledgeKaizen.SeedGenerator.Output;

namespace KnowledgeKaizen.SeedGenerator.Pipeline;

/// <summary>The three pipeline files, written side by side while opportunities stream past.</summary>
internal sealed class PipelineFiles : IDisposable
{
    public static readonly string[] OpportunityHeader =
    [
        "external_id", "customer_id", "owner_id", "amount", "industry", "source", "region", "created_at",
        "expected_close_at", "forecast_amount", "closed_at", "outcome", "loss_reason", "final_amount", "collected_amount",
    ];

    public static readonly string[] StageHeader = ["external_id", "opportunity_id", "stage", "rep_id", "entered_at", "left_at", "outcome"];

    public static readonly string[] ActivityHeader = ["external_id", "opportunity_id", "rep_id", "type", "occurred_at", "amount", "cost"];

    private readonly CsvFileWriter _opportunities;
    private readonly CsvFileWriter _stages;
    private readonly CsvFileWriter _activities;

    public PipelineFiles(string folder)
    {
        _opportunities = CsvFileWriter.Create(Path.Combine(folder, "opportunities.csv"), OpportunityHeader);
        _stages = CsvFileWriter.Create(Path.Combine(folder, "stage-history.csv"), StageHeader);
        _activities = CsvFileWriter.Create(Path.Combine(folder, "activities.csv"), ActivityHeader);
    }

    public long Opportunities => _opportunities.Rows;

    public long StageRows => _stages.Rows;

    public long ActivityRows => _activities.Rows;

    public void Write(SimulatedOpportunity item)
    {
        var o = item.Opportunity;
        _opportunities.Field(o.Id).Field(o.CustomerId).Field(o.OwnerId).Field(o.Amount).Field(o.Industry).Field(o.Source)
            .Field(o.Region).Field(o.CreatedAt).Field(o.ExpectedCloseAt).Field(o.ForecastAmount).Field(o.ClosedAt)
            .Field(o.Outcome).Field(o.LossReason).Field(o.FinalAmount).Field(o.CollectedAmount).EndRow();
        foreach (var stage in item.Stages)
        {
            WriteStage(_stages, stage);
        }

        foreach (var a in item.Activities)
        {
            _activities.Field(a.Id).Field(a.OpportunityId).Field(a.RepId).Field(a.Type).Field(a.OccurredAt)
                .Field(a.Amount).Field(a.Cost).EndRow();
        }
    }

    public static void WriteStage(CsvFileWriter writer, StageEntry s) =>
        writer.Field(s.Id).Field(s.OpportunityId).Field(s.StageCode).Field(s.RepId).Field(s.EnteredAt).Field(s.LeftAt)
            .Field(s.Outcome.ToString().ToLowerInvariant()).EndRow();

    public void Dispose()
    {
        _opportunities.Dispose();
        _stages.Dispose();
        _activities.Dispose();
    }
}
