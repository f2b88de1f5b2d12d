namespace KnowledgeKaizen.Core.Audit;

/// <summary>Data left the portal as a file: <paramref name="What"/> names it, e.g. "Course 3 as SCORM 1.2" or "Funnel CSV".</summary>
public sealed record DataExported(string What) : IDomainEvent;
