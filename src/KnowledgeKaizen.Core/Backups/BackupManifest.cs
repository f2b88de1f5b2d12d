namespace KnowledgeKaizen.Core.Backups;

/// <summary>
/// <c>backup.json</c> in a backup: when and by whom it was taken, the last migration of its database (a backup from a
/// newer version is refused) and the row count of every table (a restore checks the copy it unpacked against them).
/// </summary>
public sealed record BackupManifest(int Format, DateTimeOffset CreatedAt, string? RequestedBy, string? Migration, IReadOnlyDictionary<string, long> Rows)
{
    public const int CurrentFormat = 1;
}
