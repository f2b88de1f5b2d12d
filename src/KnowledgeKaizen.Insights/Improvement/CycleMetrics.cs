using KnowledgeKaizen.Insights.Metrics;

namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>Computes catalogue metrics over a window: the <see cref="ICycleMeasurement"/> behind cycle baselines and checks.</summary>
public sealed class CycleMetrics(KnowledgeKaizenDbContext db, MetricCatalogue catalogue) : ICycleMeasurement
{
    public MetricCatalogue Catalogue => catalogue;

    public int? DefinitionVersion(string metricKey) => catalogue.Find(metricKey)?.Version;

    public async Task<MeasuredBaseline> MeasureAsync(TargetMetric metric, DateTime from, DateTime to, CancellationToken ct = default)
    {
        var definition = catalogue.Find(metric.MetricKey) ?? throw new ImprovementRuleException("Choose a target metric.");
        if (definition.NeedsStage && string.IsNullOrWhiteSpace(metric.Stage))
        {
            throw new ImprovementRuleException("This metric needs a stage.");
        }

        var observations = await ObserveAsync(definition, metric, from, to, ct);
        return new MeasuredBaseline(Summarise(definition, observations.Select(o => o.Value).ToList()), observations.Count, definition.Version);
    }

    /// <summary>Every observation of the metric in [from, to).</summary>
    public async Task<IReadOnlyList<Observation>> ObserveAsync(CatalogueMetric definition, TargetMetric metric, DateTime from, DateTime to, CancellationToken ct = default)
    {
        if (to <= from)
        {
            return [];
        }

        var (sql, scope) = MetricCatalogue.Bind(definition, metric, from, to, db.Sql);
        var rows = new List<Observation>();
        await new MetricQuery(db.Database.GetDbConnection()).ReadAsync(sql, scope, r =>
        {
            if (!r.IsDBNull(1))
            {
                rows.Add(new Observation(r.IsDBNull(0) ? null : r.GetInt64(0), Convert.ToDouble(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), r.GetDateTime(2)));
            }
        }, ct);
        return rows;
    }

    /// <summary>The metric's value in display units: a share × scale, or the median duration. Null without data.</summary>
    public static double? Summarise(CatalogueMetric definition, IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        return definition.Shape == MetricShape.Proportion ? values.Average() * definition.Scale : ImpactStatistics.Median(values);
    }
}
