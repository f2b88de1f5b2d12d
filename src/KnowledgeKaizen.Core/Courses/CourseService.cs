namespace KnowledgeKaizen.Core.Courses;

/// <summary>
/// The course builder: each method loads the course, calls one method on it and saves. Pins are only ever
/// made to approved revisions of documents readers can see.
/// </summary>
public sealed class CourseService(KnowledgeKaizenDbContext db, TimeProvider clock)
{
    /// <summary>Courses with module and learner counts; drafts only for trainers.</summary>
    public async Task<IReadOnlyList<CourseSummary>> ListAsync(bool includeDrafts, CancellationToken ct = default)
    {
        var courses = await db.Courses.AsNoTracking()
            .Where(c => includeDrafts || c.Status == CourseStatus.Published)
            .OrderBy(c => c.Title)
            .Select(c => new { c.Id, c.Title, c.Status, c.AudienceRole, c.AudienceStage, Modules = c.Modules.Count, HasQuestions = c.Modules.Any(m => m.Questions.Any()) })
            .ToListAsync(ct);
        var learners = await db.Enrollments.AsNoTracking().GroupBy(e => e.CourseId)
            .Select(g => new { CourseId = g.Key, Learners = g.Count(), Finished = g.Count(e => e.CompletedAt != null) })
            .ToDictionaryAsync(g => g.CourseId, ct);
        var passed = await db.Enrollments.AsNoTracking().Where(Enrollment.HasPassed).GroupBy(e => e.CourseId)
            .Select(g => new { CourseId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CourseId, g => g.Count, ct);
        return [.. courses.Select(c =>
        {
            var (all, finished, pass) = (learners.GetValueOrDefault(c.Id)?.Learners ?? 0, learners.GetValueOrDefault(c.Id)?.Finished ?? 0, passed.GetValueOrDefault(c.Id));
            return new CourseSummary(c.Id, c.Title, c.Status, c.AudienceRole, c.AudienceStage, c.Modules, c.HasQuestions, all, pass, finished - pass);
        })];
    }

    public Task<Course?> FindAsync(int id, CancellationToken ct = default) =>
        db.Courses.Include(c => c.Modules).ThenInclude(m => m.Questions).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The course with each module's pinned revision and its document's state today.</summary>
    public async Task<CourseContent?> ContentAsync(int id, CancellationToken ct = default)
    {
        var course = await FindAsync(id, ct);
        if (course is null)
        {
            return null;
        }

        var documentIds = course.Modules.Select(m => m.DocumentId).ToList();
        var documents = await db.KnowledgeDocuments.AsNoTracking().Where(d => documentIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Kind, d.Status, d.PublishedRevisionNumber }).ToDictionaryAsync(d => d.Id, ct);
        var revisions = await db.DocumentRevisions.AsNoTracking().Where(r => documentIds.Contains(r.DocumentId)).ToListAsync(ct);
        var modules = new List<ModuleContent>();
        foreach (var module in course.OrderedModules)
        {
            var pinned = revisions.FirstOrDefault(r => r.DocumentId == module.DocumentId && r.Number == module.PinnedRevision);
            if (pinned is null || !documents.TryGetValue(module.DocumentId, out var document))
            {
                continue;
            }

            modules.Add(new ModuleContent(module, document.Kind, document.Status, document.PublishedRevisionNumber, pinned));
        }

        return new CourseContent(course, modules);
    }

    /// <summary>Published playbooks, procedures and solutions, for the module picker.</summary>
    public async Task<IReadOnlyList<PinnableDocument>> PinnableDocumentsAsync(CancellationToken ct = default) =>
        await db.KnowledgeDocuments.AsNoTracking()
            .Where(d => d.PublishedRevisionNumber != null && d.Status != DocumentStatus.Archived)
            .OrderBy(d => d.Kind).ThenBy(d => d.Title)
            .Select(d => new PinnableDocument(d.Id, d.Kind, d.Title, d.Language, d.PublishedRevisionNumber!.Value))
            .ToListAsync(ct);

    public async Task<Course> CreateAsync(string title, string? objectives, string? audienceRole, string? audienceStage, string trainerUserId, CancellationToken ct = default)
    {
        var course = Course.Create(title, objectives, ValidRole(audienceRole), ValidStage(audienceStage), trainerUserId, Now);
        db.Courses.Add(course);
        await db.SaveChangesAsync(ct);
        return course;
    }

    public Task DescribeAsync(int id, string title, string? objectives, string? audienceRole, string? audienceStage, CancellationToken ct = default) =>
        ChangeAsync(id, c => c.Describe(title, objectives, ValidRole(audienceRole), ValidStage(audienceStage), Now), ct);

    /// <summary>Adds a module pinned to <paramref name="revision"/>, or to the latest published revision when null.</summary>
    public async Task AddModuleAsync(int id, int documentId, int? revision, string? notes, CancellationToken ct = default)
    {
        var target = await PinTargetAsync(documentId, revision, ct);
        await ChangeAsync(id, c => c.AddModule(target, notes, Now), ct);
    }

    public Task RemoveModuleAsync(int id, int moduleId, CancellationToken ct = default) => ChangeAsync(id, c =>
    {
        var title = c.Module(moduleId).Title;
        c.RemoveModule(moduleId, Now);
        db.Raise(new CourseContentRemoved(id, $"module {moduleId} ({title})"));
    }, ct);

    public Task MoveModuleAsync(int id, int moduleId, int delta, CancellationToken ct = default) => ChangeAsync(id, c => c.MoveModule(moduleId, delta, Now), ct);

    public Task MoveModuleToAsync(int id, int moduleId, int index, CancellationToken ct = default) => ChangeAsync(id, c => c.MoveModuleTo(moduleId, index, Now), ct);

    public Task AnnotateModuleAsync(int id, int moduleId, string? notes, CancellationToken ct = default) => ChangeAsync(id, c => c.AnnotateModule(moduleId, notes, Now), ct);

    public Task AddQuestionAsync(int id, int moduleId, string prompt, IReadOnlyList<string> options, int correctIndex, string? explanation, CancellationToken ct = default) =>
        ChangeAsync(id, c => c.AddQuestion(moduleId, prompt, options, correctIndex, explanation, Now), ct);

    /// <summary>Rewrites a question; once learners answered it, only its wording (see <see cref="Course.EditQuestion"/>).</summary>
    public async Task EditQuestionAsync(int id, int moduleId, int questionId, string prompt, IReadOnlyList<string> options, int correctIndex, string? explanation,
        CancellationToken ct = default)
    {
        var answered = await db.Enrollments.AnyAsync(e => e.CourseId == id && e.Answers.Any(a => a.QuestionId == questionId), ct);
        await ChangeAsync(id, c => c.EditQuestion(moduleId, questionId, prompt, options, correctIndex, explanation, answered, Now), ct);
    }

    public Task RemoveQuestionAsync(int id, int moduleId, int questionId, CancellationToken ct = default) => ChangeAsync(id, c =>
    {
        c.RemoveQuestion(moduleId, questionId, Now);
        db.Raise(new CourseContentRemoved(id, $"question {questionId} of module {moduleId}"));
    }, ct);

    public Task PublishAsync(int id, CancellationToken ct = default) => ChangeAsync(id, c => c.Publish(Now), ct);

    public Task UnpublishAsync(int id, CancellationToken ct = default) => ChangeAsync(id, c => c.Unpublish(Now), ct);

    /// <summary>The pinned revision against the newest published one, for the trainer's pin review.</summary>
    public async Task<(ModuleContent Module, RevisionComparison Comparison)?> PinReviewAsync(int id, int moduleId, CancellationToken ct = default)
    {
        var content = await ContentAsync(id, ct);
        var module = content?.Modules.FirstOrDefault(m => m.Module.Id == moduleId);
        if (module?.PublishedRevision is not { } published)
        {
            return null;
        }

        var newest = await db.DocumentRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.DocumentId == module.Module.DocumentId && r.Number == published, ct);
        return newest is null ? null : (module, RevisionDiff.Compare(module.Pinned, newest));
    }

    /// <summary>Moves the pin to the document's latest published revision.</summary>
    public async Task UpdatePinAsync(int id, int moduleId, CancellationToken ct = default)
    {
        var course = await FindAsync(id, ct) ?? throw new CourseRuleException("The course does not exist.");
        var target = await PinTargetAsync(course.Module(moduleId).DocumentId, null, ct);
        course.PinTo(moduleId, target, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Keeps the current pin after reviewing the newest published revision.</summary>
    public async Task KeepPinAsync(int id, int moduleId, CancellationToken ct = default)
    {
        var course = await FindAsync(id, ct) ?? throw new CourseRuleException("The course does not exist.");
        var documentId = course.Module(moduleId).DocumentId;
        var published = await db.KnowledgeDocuments.Where(d => d.Id == documentId).Select(d => d.PublishedRevisionNumber).FirstOrDefaultAsync(ct)
            ?? throw new CourseRuleException("There is no newer revision to review.");
        course.KeepPin(moduleId, published, Now);
        await db.SaveChangesAsync(ct);
    }

    private async Task<PinTarget> PinTargetAsync(int documentId, int? revision, CancellationToken ct)
    {
        var document = await db.KnowledgeDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null || !document.IsVisibleToReaders)
        {
            throw new CourseRuleException("Only published playbooks, procedures and solutions can be course modules.");
        }

        var number = revision ?? document.PublishedRevisionNumber!.Value;
        var pinned = await db.DocumentRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.DocumentId == documentId && r.Number == number, ct);
        if (pinned?.EffectiveDate is null)
        {
            throw new CourseRuleException("Only an approved revision can be pinned.");
        }

        return new PinTarget(documentId, number, pinned.Title);
    }

    private async Task ChangeAsync(int id, Action<Course> change, CancellationToken ct)
    {
        var course = await FindAsync(id, ct) ?? throw new CourseRuleException("The course does not exist.");
        change(course);
        await db.SaveChangesAsync(ct);
    }

    private static string? ValidRole(string? role) =>
        string.IsNullOrWhiteSpace(role) ? null
        : Identity.Roles.All.FirstOrDefault(r => string.Equals(r, role.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new CourseRuleException("Unknown role.");

    private static string? ValidStage(string? stage) =>
        string.IsNullOrWhiteSpace(stage) ? null
        : DocumentKinds.Stages.FirstOrDefault(s => string.Equals(s, stage.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new CourseRuleException("Unknown sales stage.");

    private DateTimeOffset Now => clock.GetUtcNow();
}
