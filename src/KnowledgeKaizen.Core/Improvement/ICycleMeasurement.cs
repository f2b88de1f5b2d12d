namespace KnowledgeKaizen.Core.Improvement;

/// <summary>
/// The metric catalogue seen from Core (implemented in Insights with SQL over the CRM tables), so cycles can
/// be planned and checked without Core knowing how a metric is computed.
/// </summary>
public interface ICycleMeasurement
{
    /// <summary>Current definition version of a metric; null if the key is not (or no longer) in the catalogue.</summary>
    int? DefinitionVersion(string metricKey);

    /// <summary>The metric over [from, to).</summary>
    Task<MeasuredBaseline> MeasureAsync(TargetMetric metric, DateTime from, DateTime to, CancellationToken ct = default);
}
