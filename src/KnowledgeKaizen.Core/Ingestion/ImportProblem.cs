namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// A problem with one row (or the whole file when <see cref="Line"/> is 0). For CSV and NDJSON the line is
/// the file's line; for a JSON array it is the record's position in the array.
/// </summary>
public sealed record ImportProblem(long Line, string? Column, string Reason);
