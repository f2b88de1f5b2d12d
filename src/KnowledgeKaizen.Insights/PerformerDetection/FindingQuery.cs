using System.Linq.Expressions;

namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>Which pairs a table shows. Stage is a code; Team a CRM team name; RepId the rep's database id.</summary>
public sealed record FindingQuery(string? Stage = null, string? Team = null, FindingClass? Class = null, long? RepId = null)
{
    /// <summary>The stage, class and rep part of the query (the team is the rep's, so it is checked against the rep).</summary>
    internal Expression<Func<PerformerFinding, bool>> Filter(bool includeCoaching)
    {
        var stage = string.IsNullOrEmpty(Stage) ? null : Stage;
        var wanted = Class;
        var rep = RepId;
        return f => (stage == null || f.Stage == stage)
            && (wanted == null || f.Class == wanted)
            && (rep == null || f.RepId == rep)
            && (includeCoaching || f.Class != FindingClass.NeedsCoaching);
    }
}
