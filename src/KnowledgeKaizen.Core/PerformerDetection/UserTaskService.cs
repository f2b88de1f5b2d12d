namespace KnowledgeKaizen.Core.PerformerDetection;

/// <summary>A user's task list and the unread count of the layout's badge.</summary>
public sealed class UserTaskService(KnowledgeKaizenDbContext db, TimeProvider clock)
{
    public Task<int> UnreadCountAsync(string userId, CancellationToken ct = default) =>
        db.UserTasks.CountAsync(t => t.UserId == userId && t.ReadAt == null, ct);

    /// <summary>Open tasks first, newest first.</summary>
    public async Task<IReadOnlyList<UserTask>> ListAsync(string userId, int take = 100, CancellationToken ct = default) =>
        await db.UserTasks.AsNoTracking().Where(t => t.UserId == userId)
            .OrderBy(t => t.DoneAt != null).ThenByDescending(t => t.Id).Take(take).ToListAsync(ct);

    /// <summary>Marks the user's task read and returns its link; null when it is not theirs.</summary>
    public async Task<string?> OpenAsync(long taskId, string userId, CancellationToken ct = default)
    {
        var task = await db.UserTasks.SingleOrDefaultAsync(t => t.Id == taskId && t.UserId == userId, ct);
        if (task is null)
        {
            return null;
        }

        task.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return task.Link;
    }
}
