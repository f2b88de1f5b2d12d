namespace KnowledgeKaizen.Core.PerformerDetection;

/// <summary>
/// Sends standout reps a capture request (a <see cref="CaptureRequest"/> plus a <see cref="UserTask"/>) and turns an
/// accepted request into a playbook draft pre-filled with the evidence and the template.
/// </summary>
public sealed class CaptureRequestService(KnowledgeKaizenDbContext db, KnowledgeService knowledge, TimeProvider clock)
{
    public const string TaskKind = "capture-request";

    private const string TaskLinkPrefix = "/Tasks/Capture/";

    /// <summary>
    /// Asks the rep of a Standout finding to capture their method; one request per rep and stage. The task's stored title
    /// is English, for logs; pages title it from its kind and stage in the reader's language.
    /// </summary>
    public async Task<CaptureSendResult> SendAsync(PerformerFinding finding, string evidenceMarkdown, string requestedBy, CancellationToken ct = default)
    {
        if (!finding.WarrantsCaptureRequest)
        {
            return new(CaptureSendStatus.NotStandout);
        }

        if (await db.CaptureRequests.AnyAsync(c => c.RepId == finding.RepId && c.Stage == finding.Stage && c.Status != CaptureRequestStatus.Declined, ct))
        {
            return new(CaptureSendStatus.AlreadyRequested);
        }

        var userId = await RepUserIdAsync(finding.RepId, ct);
        if (userId is null)
        {
            return new(CaptureSendStatus.NoPortalUser);
        }

        var now = clock.GetUtcNow();
        var request = new CaptureRequest(finding.SnapshotId, finding.RepId, finding.RepName, finding.Stage, userId, requestedBy, evidenceMarkdown, now);
        db.CaptureRequests.Add(request);
        await db.SaveChangesAsync(ct);
        var stageName = await db.SalesStages.Where(s => s.Code == finding.Stage).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? finding.Stage;
        db.UserTasks.Add(new UserTask(userId, TaskKind, $"Capture request: your method at {stageName}", TaskLinkPrefix + request.Id, now));
        db.Raise(new CaptureRequested(request.Id, userId, request.Stage, requestedBy));
        await db.SaveChangesAsync(ct);
        return new(CaptureSendStatus.Sent, request.Id);
    }

    /// <summary>The rep's linked account, or the account with the rep's email.</summary>
    public async Task<string?> RepUserIdAsync(long repId, CancellationToken ct = default)
    {
        var rep = await db.Reps.AsNoTracking().Where(r => r.Id == repId).Select(r => new { r.UserId, r.Email }).SingleOrDefaultAsync(ct);
        if (rep is null)
        {
            return null;
        }

        if (rep.UserId is not null && await db.Users.AnyAsync(u => u.Id == rep.UserId, ct))
        {
            return rep.UserId;
        }

        var email = rep.Email?.Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(email) ? null : await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The request if it was sent to <paramref name="userId"/>; drafted requests whose playbook went live are marked published.</summary>
    public async Task<CaptureRequest?> FindForUserAsync(long requestId, string userId, CancellationToken ct = default)
    {
        var request = await db.CaptureRequests.SingleOrDefaultAsync(c => c.Id == requestId && c.RepUserId == userId, ct);
        if (request is not null)
        {
            await SyncPublishedAsync([request], ct);
        }

        return request;
    }

    /// <summary>The stage each capture-request task is about, by task id: tasks are titled in the reader's language from it.</summary>
    public async Task<IReadOnlyDictionary<long, string>> StagesOfTasksAsync(IEnumerable<UserTask> tasks, CancellationToken ct = default)
    {
        var requestIds = tasks.Where(t => t.Kind == TaskKind && t.Link.StartsWith(TaskLinkPrefix, StringComparison.Ordinal))
            .Select(t => (Task: t.Id, Request: long.TryParse(t.Link[TaskLinkPrefix.Length..], out var id) ? id : 0)).Where(x => x.Request > 0).ToList();
        var ids = requestIds.Select(x => x.Request).Distinct().ToList();
        if (ids.Count == 0)
        {
            // The home page asks on every view; most users have no capture task.
            return new Dictionary<long, string>();
        }

        var stages = await db.CaptureRequests.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Stage, ct);
        return requestIds.Where(x => stages.ContainsKey(x.Request)).ToDictionary(x => x.Task, x => stages[x.Request]);
    }

    /// <summary>Requests per (rep id, stage) for the managers' table, newest first.</summary>
    public async Task<IReadOnlyList<CaptureRequest>> ListAsync(CancellationToken ct = default)
    {
        var requests = await db.CaptureRequests.OrderByDescending(c => c.Id).Take(500).ToListAsync(ct);
        await SyncPublishedAsync(requests, ct);
        return requests;
    }

    /// <summary>Accepts the request: creates the playbook draft with the evidence, completes the task.</summary>
    public async Task<CaptureAcceptResult> AcceptAsync(long requestId, string userId, string title, string language, CancellationToken ct = default)
    {
        var request = await db.CaptureRequests.SingleOrDefaultAsync(c => c.Id == requestId && c.RepUserId == userId, ct);
        if (request is null)
        {
            return new(false, null, "This capture request does not exist or is not addressed to you.");
        }

        if (!request.IsOpen)
        {
            return new(request.PlaybookId is not null, request.PlaybookId, request.PlaybookId is null ? "This capture request was already answered." : null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var draft = await knowledge.CreatePlaybookDraftAsync(userId, title, request.Stage, [], request.EvidenceMarkdown, language, ct);
        request.Draft(draft.Id, clock.GetUtcNow());
        await CompleteTaskAsync(request.Id, userId, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(true, draft.Id, null);
    }

    public async Task<bool> DeclineAsync(long requestId, string userId, CancellationToken ct = default)
    {
        var request = await db.CaptureRequests.SingleOrDefaultAsync(c => c.Id == requestId && c.RepUserId == userId, ct);
        if (request is null || !request.IsOpen)
        {
            return false;
        }

        request.Decline(clock.GetUtcNow());
        await CompleteTaskAsync(request.Id, userId, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task CompleteTaskAsync(long requestId, string userId, CancellationToken ct)
    {
        var link = TaskLinkPrefix + requestId;
        foreach (var task in await db.UserTasks.Where(t => t.UserId == userId && t.Kind == TaskKind && t.Link == link).ToListAsync(ct))
        {
            task.Complete(clock.GetUtcNow());
        }
    }

    private async Task SyncPublishedAsync(IReadOnlyList<CaptureRequest> requests, CancellationToken ct)
    {
        var drafted = requests.Where(r => r.Status == CaptureRequestStatus.Drafted && r.PlaybookId is not null).ToList();
        if (drafted.Count == 0)
        {
            return;
        }

        var ids = drafted.Select(r => r.PlaybookId!.Value).ToList();
        var live = await db.KnowledgeDocuments.Where(d => ids.Contains(d.Id) && d.PublishedRevisionNumber != null).Select(d => d.Id).ToListAsync(ct);
        foreach (var request in drafted.Where(r => live.Contains(r.PlaybookId!.Value)))
        {
            request.MarkPublished();
        }

        if (live.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
