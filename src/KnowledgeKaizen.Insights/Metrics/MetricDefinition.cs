namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>
/// One metric's exact rule, in English and Chinese (each text field has its <c>Zh</c> twin): the metric's
/// <c>Key</c> (the anchor on the Definitions page), the dashboard <c>Page</c> it appears on, its numerator,
/// denominator ("—" for counts and sums) and the time rule that puts a record in a period.
/// </summary>
public sealed record MetricDefinition(
    string Key,
    string Page,
    string Name,
    string NameZh,
    string Numerator,
    string NumeratorZh,
    string Denominator,
    string DenominatorZh,
    string TimeRule,
    string TimeRuleZh);
