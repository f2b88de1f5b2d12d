namespace KnowledgeKaizen.Core.Backups;

/// <summary>A backup cannot be made or restored; the message says why and what to do.</summary>
public sealed class BackupException(string message) : Exception(message);
