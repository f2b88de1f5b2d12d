namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>
/// One target metric of the catalogue. <see cref="Version"/> changes whenever the SQL's meaning changes, so a
/// cycle planned with the old meaning is flagged instead of silently compared with the new one.
/// </summary>
/// <remarks>
/// <para>Sql: in the database's dialect, selects (rep id or NULL, value, instant) for the half-open window @from–@to; for
/// proportions the value is 0 or 1.</para>
/// <para>Scale: display multiplier (100 for "per 100 customers").</para>
/// </remarks>
public sealed record CatalogueMetric(string Key, string Name, MetricShape Shape, bool HigherIsBetter, int Version, bool NeedsStage,
    bool HasTeam, string Unit, double Scale, Func<ISqlDialect, string> Sql);
