namespace KnowledgeKaizen.Core.Improvement;

/// <summary>What the Plan form collects.</summary>
public sealed record CyclePlan(
    CycleType Type,
    string Title,
    string Problem,
    string? Team,
    string? OwnerUserId,
    string OwnerName,
    CycleRoles Roles,
    TargetMetric Target,
    double TargetValue,
    DateTime BaselineFrom,
    DateTime BaselineTo,
    DateTime RolloutDate,
    DateTime CheckDate,
    int? ParentCycleId = null,
    string? Source = null);

/// <summary>The target metric computed over the baseline window.</summary>
/// <remarks>
/// <para>Value: Null when the window holds no data.</para>
/// <para>Sample: Number of observations (decisions, cases, customers…).</para>
/// </remarks>
public sealed record MeasuredBaseline(double? Value, long Sample, int DefinitionVersion);

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
