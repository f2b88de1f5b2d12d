using System.Text;

namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>
/// The Markdown evidence a capture request carries into the playbook draft: the numbers that singled the rep
/// out, how their deals differ from peers', and which behaviours differ — the candidate method to write down.
/// </summary>
public static class CaptureEvidence
{
    /// <summary>The explanation stored with a finding (null when it cannot be read).</summary>
    public static FindingExplanation? Explanation(PerformerFinding finding)
    {
        try
        {
            return JsonSerializer.Deserialize<FindingExplanation>(finding.ExplanationJson, FindingJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Build(PerformerFinding finding, string stageName, int? modelVersion, string? procedureSlug)
    {
        var f = finding.Figures;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"### Performance evidence: {finding.RepName} at {stageName}");
        text.AppendLine();
        Line($"- Entries decided: **{f.Entries}**; advanced **{f.Advanced}** against **{f.Expected:0.0}** expected from the deals themselves (lift {f.Lift:0.00}).");
        Line($"- Observed rate {f.RawRate:0.0%} against {f.ExpectedRate:0.0%} expected; the likely rate on these deals is {f.ShrunkRate:0.0%} (95% interval {f.RateLow:0.0%}–{f.RateHigh:0.0%}).");
        Line($"- Probability that the difference is real: {f.ProbabilityStandout:0.0%} (model v{modelVersion}).");
        var explanation = Explanation(finding);
        if (explanation is not null)
        {
            var mix = explanation.DealMix;
            Line($"- Deal mix: {mix.Difficulty.ToString().ToLowerInvariant()} than peers' (mean expected {mix.RepMeanExpected:0.0%} against {mix.PeersMeanExpected:0.0%}; mean amount {mix.Amount.RepMean:N0} against {mix.Amount.PeersMean:N0}).");
            var behaviour = explanation.Behaviour.Where(b => b.RepCount > 0).OrderByDescending(b => Math.Abs(b.EffectSize)).ToList();
            if (behaviour.Count > 0)
            {
                text.AppendLine();
                text.AppendLine("| What differs at this stage | Me | Peers | Effect size (d) |");
                text.AppendLine("|---|---:|---:|---:|");
                foreach (var b in behaviour)
                {
                    Line($"| {Measure(b.Measure)} | {b.RepMean:0.0} | {b.PeersMean:0.0} | {b.EffectSize:+0.00;-0.00;0.00} |");
                }
            }
        }

        text.AppendLine();
        text.AppendLine(procedureSlug is null
            ? "Name the procedure step this practice improves in the Improves field (procedure-slug#step-N)."
            : $"Standard procedure of this stage: `{procedureSlug}`. Name the step this practice improves in the Improves field ({procedureSlug}#step-N).");
        return text.ToString();
    }

    /// <summary>Readable names of the engine's behaviour measures.</summary>
    public static string Measure(string measure) => measure switch
    {
        "Visits" => "Visits per entry",
        "Calls" => "Calls per entry",
        "Proposals" => "Proposals per entry",
        "Quotes" => "Quotes per entry",
        "HoursToFirstActivity" => "Hours to first activity",
        "DaysInStage" => "Days in stage",
        _ => measure,
    };
}
