namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>The portal's fixed vocabularies: which columns take one of a list of values, and which values.</summary>
public static class PortalValues
{
    private static readonly Dictionary<(ImportKind, string), Type> Choices = new()
    {
        [(ImportKind.Reps, "role")] = typeof(RepRole),
        [(ImportKind.Reps, "active")] = typeof(bool),
        [(ImportKind.Customers, "segment")] = typeof(CustomerSegment),
        [(ImportKind.Opportunities, "source")] = typeof(LeadSource),
        [(ImportKind.Opportunities, "outcome")] = typeof(DealOutcome),
        [(ImportKind.StageHistory, "outcome")] = typeof(StageOutcome),
        [(ImportKind.Activities, "type")] = typeof(ActivityType),
        [(ImportKind.ServiceCases, "channel")] = typeof(CaseChannel),
        [(ImportKind.ServiceCases, "priority")] = typeof(CasePriority),
        [(ImportKind.Feedback, "channel")] = typeof(FeedbackChannel),
        [(ImportKind.Feedback, "type")] = typeof(FeedbackType),
    };

    /// <summary>The values a column takes (lower case), or null when it is free.</summary>
    public static IReadOnlyList<string>? Allowed(ImportKind kind, string column) =>
        Choices.TryGetValue((kind, column), out var type)
            ? type == typeof(bool) ? ["true", "false"] : Enum.GetNames(type).Select(n => n.ToLowerInvariant()).ToList()
            : null;

    /// <summary>Whether the column holds a date or date-time.</summary>
    public static bool IsDate(string column) => MappingCompiler.IsDate(column);

    /// <summary>Whether the column holds a number.</summary>
    public static bool IsNumber(string column) =>
        column is "amount" or "forecast_amount" or "final_amount" or "collected_amount" or "cost" or "position" or "satisfaction" or "score";
}
