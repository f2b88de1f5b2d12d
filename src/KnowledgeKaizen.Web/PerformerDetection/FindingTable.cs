namespace KnowledgeKaizen.Web.PerformerDetection;

/// <summary>The findings table: latest snapshot, its rows, capture requests per pair, filter values and any running retraining.</summary>
public sealed record FindingTable(FindingSnapshot? Snapshot, IReadOnlyList<FindingRow> Rows, IReadOnlyDictionary<(long RepId, string Stage), CaptureRequest> Requests,
    IReadOnlyList<StageInfo> Stages, IReadOnlyList<string> Teams, BackgroundJob? Retraining, FindingsValidation? Validation);
