namespace KnowledgeKaizen.Web.PerformerDetection;

/// <summary>A rate interval (95% by default).</summary>
public sealed record RateInterval(double Low, double High);
