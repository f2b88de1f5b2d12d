namespace KnowledgeKaizen.Core.PerformerDetection;

public enum CaptureRequestStatus
{
    /// <summary>Sent; the rep has not answered yet.</summary>
    Open,

    /// <summary>The rep accepted and a playbook draft exists.</summary>
    Drafted,

    /// <summary>The playbook written from it was published.</summary>
    Published,

    /// <summary>The rep declined.</summary>
    Declined,
}
