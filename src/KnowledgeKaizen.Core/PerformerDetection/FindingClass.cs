namespace KnowledgeKaizen.Core.PerformerDetection;

/// <summary>How a rep does at a stage once luck and deal mix are accounted for: what the engine decides and what is stored.</summary>
public enum FindingClass
{
    /// <summary>Too few entries (or expected counts) to say anything.</summary>
    InsufficientData,

    /// <summary>No convincing difference from what the deals predicted.</summary>
    Typical,

    /// <summary>More likely than not genuinely ahead (P(positive effect) ≥ 0.5), but not enough evidence for Standout.</summary>
    Promising,

    /// <summary>Genuinely better than expected: P(positive effect) ≥ threshold and selected under the Standouts' own FDR control.</summary>
    Standout,

    /// <summary>Genuinely below expectation under the same evidence rules, with its own FDR control: coach this rep at this stage.</summary>
    NeedsCoaching,
}
