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

    /// <summary>
    /// The address people reach the portal at, e.g. <c>https://kaizen.example.com</c>: every absolute link the portal
    /// writes (invite links, mails) starts with it. Empty: links follow each request's scheme and Host header.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Let anyone create an account (as Staff). Off by default: Admins invite users.</summary>
    public bool AllowSelfRegistration { get; set; }

    /// <summary>Email of the Admin account created on first run.</summary>
    [Required]
    [EmailAddress]
    public string AdminEmail { get; set; } = "admin@kaizen.local";

    /// <summary>Upper limit for uploaded files (imports, images), in megabytes.</summary>
    [Range(1, 4096)]
    public int MaxUploadMegabytes { get; set; } = 200;

    /// <summary>Below this much free space in the data folder, /healthz reports unhealthy (before writes start failing).</summary>
    [Range(0, 1_000_000_000)]
    public long MinFreeDiskMegabytes { get; set; } = 100;

    /// <summary>Whether <see cref="PublicBaseUrl"/> is empty or an absolute http(s) address without query or fragment.</summary>
    public bool HasValidPublicBaseUrl =>
        string.IsNullOrWhiteSpace(PublicBaseUrl)
        || Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Query.Length == 0 && uri.Fragment.Length == 0;

    /// <summary><see cref="MaxUploadMegabytes"/> in bytes.</summary>
    public long UploadLimitBytes => MaxUploadMegabytes * 1024L * 1024L;
}
