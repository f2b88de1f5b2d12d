namespace KnowledgeKaizen.Core.Backups;

/// <summary>Settings under "KnowledgeKaizen:Backups".</summary>
public sealed class BackupOptions
{
    public const string Section = "KnowledgeKaizen:Backups";

    /// <summary>Backups kept in the data folder's <c>backups/</c>; older ones are deleted when a new one is made.</summary>
    [Range(1, 365)]
    public int Keep { get; set; } = 7;

    /// <summary>When the daily backup runs ("HH:mm", server time); empty: no daily backup.</summary>
    public string? DailyAt { get; set; } = "02:00";
}
