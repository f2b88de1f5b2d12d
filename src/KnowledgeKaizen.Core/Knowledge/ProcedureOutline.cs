namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>A numbered step of a procedure: the heading that carries a <c>{#step-N}</c> anchor.</summary>
public sealed record ProcedureStep(string Anchor, string Title);

/// <summary>A published procedure and its numbered steps: what an "improves" target can point at.</summary>
public sealed partial record ProcedureOutline(int Id, string Slug, string Title, IReadOnlyList<ProcedureStep> Steps)
{
    /// <summary>The "improves" target of one of its steps, e.g. "discovery-visit#step-3".</summary>
    public string Target(ProcedureStep step) => $"{Slug}#{step.Anchor}";

    public ProcedureStep? Step(string anchor) => Steps.FirstOrDefault(s => s.Anchor == anchor);

    /// <summary>The steps of a procedure text, in order: headings ending in <c>{#step-N}</c>.</summary>
    public static IReadOnlyList<ProcedureStep> StepsOf(string body) =>
        [.. StepHeading().Matches(body.Replace("\r\n", "\n")).Select(m => new ProcedureStep(m.Groups[2].Value, m.Groups[1].Value.Trim()))];

    [GeneratedRegex(@"^#{1,6}[ \t]+(.+?)[ \t]*\{#(step-\d+)\}[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex StepHeading();
}

/// <summary>One "improves" target of a playbook, resolved: the procedure (id, title) and the step's heading when they exist.</summary>
public sealed record ImprovedStep(string Target, int? ProcedureId, string? ProcedureTitle, string Anchor, string? StepTitle);
