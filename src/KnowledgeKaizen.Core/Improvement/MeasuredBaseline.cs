namespace KnowledgeKaizen.Core.Improvement;

/// <summary>The target metric computed over the baseline window.</summary>
/// <remarks>
/// <para>Value: Null when the window holds no data.</para>
/// <para>Sample: Number of observations (decisions, cases, customers…).</para>
/// </remarks>
public sealed record MeasuredBaseline(double? Value, long Sample, int DefinitionVersion);
