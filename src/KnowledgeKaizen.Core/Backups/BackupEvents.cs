namespace KnowledgeKaizen.Core.Backups;

/// <summary>A backup was written to the data folder (raised after the file is complete).</summary>
public sealed record BackupCreated(string FileName, long Bytes, string? RequestedBy, DateTimeOffset At) : IDomainEvent;

/// <summary>A backup was restored into this database (raised in it, right after the restore).</summary>
public sealed record BackupRestored(string FileName, DateTimeOffset TakenAt, string? RestoredBy, DateTimeOffset At) : IDomainEvent;
