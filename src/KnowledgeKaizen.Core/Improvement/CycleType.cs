namespace KnowledgeKaizen.Core.Improvement;

/// <summary>The two cycles of the source article.</summary>
public enum CycleType
{
    /// <summary>Standardise – Do – Check – Adapt: make an unstable process follow a written standard.</summary>
    Sdca = 1,

    /// <summary>Plan – Do – Check – Adapt: improve a process that already has an effective standard.</summary>
    Pdca = 2,
}
