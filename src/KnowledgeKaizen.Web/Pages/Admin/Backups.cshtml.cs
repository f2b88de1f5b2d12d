using KnowledgeKaizen.Core.Backups;

namespace KnowledgeKaizen.Web.Pages.Admin;

/// <summary>Backups of the running portal: take one now (as a background job), download one, see what is kept and when the next is due.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class BackupsModel(BackupService backups, IJobQueue jobs) : PageModel
{
    /// <summary>False on a database the portal does not back up itself (PostgreSQL: pg_dump).</summary>
    public bool IsAvailable => backups.IsAvailable;

    public BackupOptions Settings => backups.Settings;

    public IReadOnlyList<BackupFile> Files { get; private set; } = [];

    /// <summary>The latest backup job, to show it running or how it ended.</summary>
    public BackgroundJob? Latest { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (IsAvailable)
        {
            Files = backups.List();
            Latest = await jobs.LatestAsync(BackupService.JobKind, ct);
        }
    }

    /// <summary>Queues a backup (or joins the one already queued or running).</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (IsAvailable)
        {
            await jobs.EnqueueOnceAsync(BackupService.JobKind, null, User.Identity?.Name, ct);
        }

        return RedirectToPage();
    }

    /// <summary>A backup holds every document and password hash: its download is in the audit log.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string name, [FromServices] AuditLog audit, CancellationToken ct)
    {
        if (!IsAvailable || backups.OpenRead(name) is not { } content)
        {
            return NotFound();
        }

        await audit.RecordAsync(new DataExported($"backup {name}"), ct);
        return File(content, "application/zip", name);
    }
}
