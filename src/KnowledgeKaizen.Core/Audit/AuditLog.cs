using KnowledgeKaizen.Core.Csv;

namespace KnowledgeKaizen.Core.Audit;

/// <summary>The audit log for Admins: search with paging, CSV export, and recording what changes nothing else.</summary>
public sealed class AuditLog(KnowledgeKaizenDbContext db)
{
    public const int PageSize = 50;

    /// <summary>The most rows one CSV holds; narrow the search for more.</summary>
    public const int MaxExportRows = 100_000;

    public async Task<AuditPage> SearchAsync(AuditQuery query, int page, CancellationToken ct = default)
    {
        var matching = Matching(query);
        var total = await matching.CountAsync(ct);
        var shown = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var entries = await matching.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((shown - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new AuditPage(entries, total, shown, PageSize);
    }

    /// <summary>The matching entries as CSV (formula-safe), newest first; the export itself is recorded too.</summary>
    public async Task<byte[]> ExportAsync(AuditQuery query, CancellationToken ct = default)
    {
        var entries = await Matching(query).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(MaxExportRows).ToListAsync(ct);
        await RecordAsync(new DataExported($"Audit log ({entries.Count} entries)"), ct);
        return FormulaSafeCsv.Write(["time_utc", "action", "actor", "actor_id", "target", "detail", "address"],
            entries.Select(e => (IReadOnlyList<CsvCell>)
            [
                CsvCell.Number(e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
                CsvCell.Text(e.Action), CsvCell.Text(e.ActorName), CsvCell.Text(e.ActorUserId), CsvCell.Text(e.Target),
                CsvCell.Text(e.Detail), CsvCell.Text(e.Address),
            ]));
    }

    /// <summary>Records an event that comes with no other change (a sign-in, an export) in a save of its own.</summary>
    public async Task RecordAsync(IDomainEvent happened, CancellationToken ct = default)
    {
        db.Raise(happened);
        await db.SaveChangesAsync(ct);
    }

    private IQueryable<AuditEntry> Matching(AuditQuery query)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Who))
        {
            var who = query.Who.Trim();
            entries = entries.Where(e => e.ActorName.Contains(who) || e.ActorUserId == who);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }

        if (!string.IsNullOrWhiteSpace(query.Target))
        {
            var target = query.Target.Trim();
            entries = entries.Where(e => e.Target.Contains(target) || (e.Detail != null && e.Detail.Contains(target)));
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        return entries;
    }
}
