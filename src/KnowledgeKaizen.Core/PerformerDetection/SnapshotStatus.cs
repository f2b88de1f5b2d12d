namespace KnowledgeKaizen.Core.PerformerDetection;

/// <summary>Whether a retraining produced findings or could not (too little or degenerate history).</summary>
public enum SnapshotStatus
{
    Ready,
    NotEnoughData,
}
