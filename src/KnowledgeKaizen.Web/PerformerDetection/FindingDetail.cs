namespace KnowledgeKaizen.Web.PerformerDetection;

/// <summary>One finding with its explanation, for the detail page; managers also get the trust check stored with the snapshot's model.</summary>
public sealed record FindingDetail(FindingRow Row, FindingExplanation? Explanation, FindingSnapshot Snapshot, CaptureRequest? Request, bool ViewerIsManager,
    FindingsValidation? Validation);
