using System.ComponentModel.DataAnnotations;

namespace KnowledgeKaizen.Core.Hosting;

/// <summary>Settings under "KnowledgeKaizen". Paths are relative to the application's content root.</summary>
public sealed class KaizenOptions
{
    public const string Section = "KnowledgeKaizen";

    /// <summary>
    /// The one folder holding the SQLite database, the search index, trained models, uploads and backups.
    /// </summary>
    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary>Folder of the shipped Markdown library (procedures, playbooks, solutions).</summary>
    public string ContentPath { get; set; } = "../../content";

    /// <summary><see cref="ContentPath"/> as a full path, relative paths taken from the application's content root.</summary>
    public string ContentFolder(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(ContentPath) ? ContentPath : Path.Combine(contentRoot, ContentPath));

    /// <summary>Folder of the demo CRM data loaded on first run.</summary>
    public string SeedPath { get; set; } = "../../seed/data";

    /// <summary>Load <see cref="SeedPath"/> into an empty database on start. Turn off in production.</summary>
    public bool LoadDemoData { get; set; } = true;

    /// <summary>Let anyone create an account (as Staff). Off by default: Admins invite users.</summary>
    public bool AllowSelfRegistration { get; set; }

    /// <summary>Email of the Admin account created on first run.</summary>
    [Required]
    [EmailAddress]
    public string AdminEmail { get; set; } = "admin@kaizen.local";

    /// <summary>Upper limit for uploaded files (imports, images), in megabytes.</summary>
    [Range(1, 4096)]
    public int MaxUploadMegabytes { get; set; } = 200;

    /// <summary><see cref="MaxUploadMegabytes"/> in bytes.</summary>
    public long UploadLimitBytes => MaxUploadMegabytes * 1024L * 1024L;
}
