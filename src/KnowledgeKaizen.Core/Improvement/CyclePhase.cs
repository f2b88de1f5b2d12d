namespace KnowledgeKaizen.Core.Improvement;

/// <summary>Board columns, in order. A cycle only moves forward, except Check → Do to keep collecting data.</summary>
public enum CyclePhase
{
    Plan = 0,
    Do = 1,
    Check = 2,
    Adapt = 3,
    Closed = 4,
}
