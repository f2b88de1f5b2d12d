namespace KnowledgeKaizen.Core.PerformerDetection;

/// <summary>How a rep does at a stage once luck and deal mix are accounted for: what the engine decides and what is stored.</summary>
public enum FindingClass
{
    /// <summary>Too few entries (or expected counts) to say anything.</summary>
    InsufficientData,

    /// <summary>No convincing difference from what the deals predicted.</summary>
    Typical,

    /// <summary>Ahead of expectation, but not yet enough evidence to call it a method.</summary>
    Promising,

    /// <summary>Genuinely better than expected: P(positive effect) ≥ threshold and selected under FDR control.</summary>
    Standout,

    /// <summary>Genuinely below expectation under the same evidence rules: coach this rep at this stage.</summary>
    NeedsCoaching,
}
