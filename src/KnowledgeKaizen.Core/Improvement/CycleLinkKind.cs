namespace KnowledgeKaizen.Core.Improvement;

/// <summary>What was rolled out in the Do phase.</summary>
public enum CycleLinkKind
{
    Playbook = 1,
    ProcedureRevision = 2,
    Course = 3,
}
