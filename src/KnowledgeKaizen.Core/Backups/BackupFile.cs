namespace KnowledgeKaizen.Core.Backups;

/// <summary>A backup in the data folder's <c>backups/</c>.</summary>
/// <param name="Name">The file name, <c>knowledgekaizen-yyyyMMdd-HHmmss.zip</c>.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="CreatedAt">When it was taken (from its name).</param>
public sealed record BackupFile(string Name, long Bytes, DateTimeOffset CreatedAt);
