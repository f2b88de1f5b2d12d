namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>The three kinds of knowledge document.</summary>
public enum DocumentKind
{
    /// <summary>A standard procedure (SDCA): the current standard, with numbered, addressable steps.</summary>
    Procedure = 1,

    /// <summary>A top performer's practice that improves a procedure step (PDCA candidate).</summary>
    Playbook = 2,

    /// <summary>A KCS-style solution article written from service cases.</summary>
    Solution = 3,
}
