namespace KnowledgeKaizen.Core.Improvement;

/// <summary>The evaluation system of the article: cycles, their impact, capture speed, reuse, verification, training.</summary>
public sealed class EvaluationService(KnowledgeKaizenDbContext db, IImprovementSignals signals, TimeProvider clock)
{
    public const string Company = "";

    public async Task<MechanismEvaluation> EvaluateAsync(DateTime from, DateTime to, CancellationToken ct = default)
    {
        var cycles = await db.ImprovementCycles.AsNoTracking().ToListAsync(ct);
        var captures = await signals.StandoutCapturesAsync(from, to, ct);
        var courses = await signals.CourseCompletionAsync(from, to, ct);
        var applications = await db.PlaybookApplications.AsNoTracking().Where(a => a.AppliedAt >= from && a.AppliedAt < to)
            .Select(a => a.AppliedAt).ToListAsync(ct);
        var (dayFrom, dayTo) = (DateOnly.FromDateTime(from), DateOnly.FromDateTime(to));
        var views = await db.DocumentViews.AsNoTracking().Where(v => v.Day >= dayFrom && v.Day < dayTo)
            .Select(v => new { v.Day, v.UserId }).ToListAsync(ct);

        bool InPeriod(DateTime? at) => at >= from && at < to;
        var teams = cycles.Select(c => c.Team ?? Company).Concat(captures.Select(c => c.Team ?? Company))
            .Concat(courses?.Select(c => c.Team ?? Company) ?? []).Distinct().Order(StringComparer.Ordinal).ToList();
        var byTeam = teams.Select(team =>
        {
            var mine = cycles.Where(c => (c.Team ?? Company) == team).ToList();
            var caught = captures.Where(c => (c.Team ?? Company) == team).ToList();
            return Row(team, mine, InPeriod, caught, 0, 0, courses?.FirstOrDefault(c => (c.Team ?? Company) == team));
        }).ToList();

        var months = new List<string>();
        for (var m = new DateTime(from.Year, from.Month, 1); m < to; m = m.AddMonths(1))
        {
            months.Add(Month(m));
        }

        var byMonth = months.Select(month => Row(month, cycles, at => at is { } d && Month(d) == month,
            [.. captures.Where(c => Month(c.DetectedAt) == month)],
            applications.Count(a => Month(a) == month),
            views.Where(v => Month(v.Day.ToDateTime(TimeOnly.MinValue)) == month).Select(v => v.UserId).Distinct().Count(),
            null)).ToList();

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var published = await db.KnowledgeDocuments.AsNoTracking()
            .Where(d => d.PublishedRevisionNumber != null && d.Status != DocumentStatus.Archived)
            .Select(d => d.VerifyBy).ToListAsync(ct);
        return new MechanismEvaluation(byTeam, byMonth, published.Count, published.Count(v => v is { } due && due < today), courses is not null);
    }

    private static EvaluationRow Row(string key, IReadOnlyList<ImprovementCycle> cycles, Func<DateTime?, bool> inPeriod,
        IReadOnlyList<StandoutCapture> captures, int applications, int readers, CourseCompletion? courses)
    {
        var checkedCycles = cycles.Where(c => c.LastCheck is { Verdict: not CheckVerdict.NotEnoughData and not CheckVerdict.Unavailable }
            && inPeriod(c.LastCheck.ComputedAt)).ToList();
        var days = captures.Where(c => c.PublishedAt is not null).Select(c => (c.PublishedAt!.Value - c.DetectedAt).TotalDays).Order().ToList();
        return new EvaluationRow(key,
            cycles.Count(c => inPeriod(c.CreatedAt)),
            cycles.Count(c => inPeriod(c.ClosedAt)),
            checkedCycles.Count,
            checkedCycles.Count(c => c.LastCheck!.Verdict == CheckVerdict.Improved),
            captures.Count,
            days.Count,
            days.Count == 0 ? null : days[(days.Count - 1) / 2],
            applications,
            readers,
            courses);
    }

    private static string Month(DateTime at) => at.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
