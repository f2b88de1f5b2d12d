using static KnowledgeKaizen.Core.Tests.Knowledge.KnowledgeTestDatabase;

namespace KnowledgeKaizen.Core.Tests.Knowledge;

public sealed class StandardisationAndFeedbackTests : IDisposable
{
    private readonly KnowledgeTestDatabase database = new();
    private static readonly Actor Reader = new("staff-1", "Reader", false);

    [Fact]
    public async Task Standardise_PublishedPlaybook_AddsProcedureRevisionCreditingAuthor()
    {
        var (procedureId, playbookId) = await PublishedPairAsync();
        await using var db = database.NewContext();
        var standardisation = new StandardisationService(db, database.Service(db));
        var proposal = await standardisation.ProposeAsync(playbookId, null, Manager);
        Assert.Equal(procedureId, proposal!.ProcedureId);
        Assert.Contains("Li Na", proposal.ProposedBody, StringComparison.Ordinal);

        var revision = await standardisation.StandardiseAsync(playbookId, procedureId, proposal.ProposedBody, new DateOnly(2026, 11, 27), Manager);

        db.ChangeTracker.Clear();
        var procedure = await database.Service(db).FindAsync(procedureId, Reader);
        var playbook = await database.Service(db).FindAsync(playbookId, Reader);
        Assert.Equal(2, revision.Number);
        Assert.Contains("Li Na", revision.ChangeNote, StringComparison.Ordinal);
        Assert.Equal(2, procedure!.PublishedRevisionNumber);
        Assert.Contains("##### What I do", procedure.RevisionInForce(new DateOnly(2026, 11, 27))!.Body, StringComparison.Ordinal);
        Assert.Equal(DocumentStatus.Standardised, playbook!.Status);
        Assert.Equal(procedureId, playbook.StandardisedIntoId);
    }

    [Fact]
    public async Task Proposal_AddsOnlyThePractice_UnderTheImprovedStep_AndShowsTheChanges()
    {
        await using var db = database.NewContext();
        var service = database.Service(db);
        const string procedureText = "## Steps\n\n### 1. Prepare {#step-1}\n\nRead the account.\n\n### 2. Visit {#step-2}\n\nListen.\n\n## Checklist\n\n- [ ] Notes sent\n";
        var procedure = await service.CreateAsync(DocumentKind.Procedure, "en", "site-visit", "Site visit", procedureText,
            new DocumentMetadata { Owner = "Sales Operations", Stages = ["discover"] }, Manager);
        await service.SubmitAsync(procedure.Id, Manager);
        await service.ApproveAsync(procedure.Id, procedure.CurrentRevisionNumber, null, new DateOnly(2026, 11, 1), Manager);
        var playbook = await service.CreateAsync(DocumentKind.Playbook, "en", null, "Bring the plant manager",
            "## Situation\n\nPlants with night shifts.\n\n## What I do\n\nI invite the plant manager.\n\n### Why the manager\n\nThey own the downtime.\n\n" +
            "## Steps\n\n1. Call the manager.\n2. Walk the line together.\n\n## Pitfalls\n\nDo not pitch.\n\n## Evidence\n\n58 % against 41 %.\n",
            new DocumentMetadata { Stages = ["discover"], Improves = ["site-visit#step-1"] }, Author);
        await service.SubmitAsync(playbook.Id, Author);
        await service.ApproveAsync(playbook.Id, playbook.CurrentRevisionNumber, null, null, Manager);

        var proposal = await new StandardisationService(db, service).ProposeAsync(playbook.Id, null, Manager);

        var body = proposal!.ProposedBody;
        var expectedPractice = "### 1. Prepare {#step-1}\n\nRead the account.\n\n#### Adopted practice: Bring the plant manager\n\n" +
            $"> From the playbook by Li Na ([#{playbook.Id}](/Knowledge/Details/{playbook.Id})).\n\n" +
            "##### What I do\n\nI invite the plant manager.\n\n###### Why the manager\n\nThey own the downtime.\n\n" +
            "##### Steps\n\n1. Call the manager.\n2. Walk the line together.\n\n### 2. Visit {#step-2}";
        Assert.Contains(expectedPractice, body, StringComparison.Ordinal);
        Assert.DoesNotContain("night shifts", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Do not pitch", body, StringComparison.Ordinal);
        Assert.DoesNotContain("58 %", body, StringComparison.Ordinal);
        Assert.EndsWith("## Checklist\n\n- [ ] Notes sent\n", body, StringComparison.Ordinal);
        Assert.Equal(0, proposal.Changes!.Deleted);
        Assert.Equal(17, proposal.Changes.Inserted);

        var edited = await new StandardisationService(db, service).ProposeAsync(playbook.Id, null, Manager, procedureText.Replace("Listen.", "Listen more."));
        Assert.Equal((1, 1), (edited!.Changes!.Inserted, edited.Changes.Deleted));
    }

    [Fact]
    public async Task Standardise_Draft_IsRejected()
    {
        var (procedureId, _) = await PublishedPairAsync();
        var draftId = await database.NewPlaybookAsync("Another practice");
        await using var db = database.NewContext();

        await Assert.ThrowsAsync<KnowledgeRuleException>(() =>
            new StandardisationService(db, database.Service(db)).StandardiseAsync(draftId, procedureId, "x", new DateOnly(2026, 11, 27), Manager));
    }

    [Fact]
    public async Task Feedback_ChangedVote_CountsOnce_AndOutdatedNeedsReason()
    {
        var (_, playbookId) = await PublishedPairAsync();
        await using var db = database.NewContext();
        var feedback = new ReaderFeedbackService(db, database.Clock);
        var reader = new KnowledgeReader(db, database.Clock);

        await feedback.RecordAsync(playbookId, "staff-1", FeedbackKind.Helpful, null);
        await feedback.RecordAsync(playbookId, "staff-1", FeedbackKind.NotHelpful, "Too vague");
        await feedback.RecordAsync(playbookId, "staff-2", FeedbackKind.Helpful, null);
        await Assert.ThrowsAsync<KnowledgeRuleException>(() => feedback.RecordAsync(playbookId, "staff-2", FeedbackKind.Outdated, " "));
        await feedback.RecordAsync(playbookId, "staff-2", FeedbackKind.Outdated, "Price list changed");

        Assert.Equal(new FeedbackCounts(1, 1, 1), await reader.FeedbackAsync(playbookId));
    }

    [Fact]
    public async Task Votes_QueueTheDocumentForReindexing_OnlyWhenTheBalanceChanges()
    {
        var (_, playbookId) = await PublishedPairAsync();
        await using var db = database.NewContext();
        var feedback = new ReaderFeedbackService(db, database.Clock);
        var key = playbookId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var before = await db.SearchOutbox.CountAsync(e => e.DocumentType == "playbook" && e.DocumentKey == key);

        await feedback.RecordAsync(playbookId, "staff-1", FeedbackKind.Helpful, null);
        await feedback.RecordAsync(playbookId, "staff-1", FeedbackKind.Helpful, null);
        await feedback.RecordAsync(playbookId, "staff-1", FeedbackKind.NotHelpful, "Too vague");
        await feedback.RecordAsync(playbookId, "staff-2", FeedbackKind.Outdated, "Price list changed");

        // A new vote and a changed vote; neither the repeated vote nor the outdated flag moves the balance.
        Assert.Equal(before + 2, await db.SearchOutbox.CountAsync(e => e.DocumentType == "playbook" && e.DocumentKey == key));
    }

    [Fact]
    public async Task Verify_ResolvesOutdatedFlagsAndMovesVerifyBy()
    {
        var (_, playbookId) = await PublishedPairAsync();
        await using var db = database.NewContext();
        await new ReaderFeedbackService(db, database.Clock).RecordAsync(playbookId, "staff-2", FeedbackKind.Outdated, "Old numbers");
        database.Clock.Now = database.Clock.Now.AddDays(200);
        var reader = new KnowledgeReader(db, database.Clock);
        Assert.Contains(await reader.OverdueAsync(), s => s.Id == playbookId);

        await database.Service(db).VerifyAsync(playbookId, Manager);

        Assert.DoesNotContain(await reader.OverdueAsync(), s => s.Id == playbookId);
        Assert.Equal(0, (await reader.FeedbackAsync(playbookId)).Outdated);
    }

    [Fact]
    public async Task Verify_OverdueProcedure_IsNextDueAnIntervalFromToday()
    {
        var (procedureId, _) = await PublishedPairAsync();
        database.Clock.Now = new DateTimeOffset(2027, 9, 1, 8, 0, 0, TimeSpan.Zero);
        await using var db = database.NewContext();
        var reader = new KnowledgeReader(db, database.Clock);
        Assert.Contains(await reader.OverdueAsync(), s => s.Id == procedureId);

        await database.Service(db).VerifyAsync(procedureId, Manager);

        var procedure = await database.Service(db).FindAsync(procedureId, Manager);
        Assert.Equal(new DateOnly(2027, 9, 1).AddDays(KnowledgeDocument.DefaultReviewIntervalDays), procedure!.VerifyBy);
        Assert.DoesNotContain(await reader.OverdueAsync(), s => s.Id == procedureId);
    }

    [Fact]
    public async Task LinkCase_Twice_CountsOnce()
    {
        await using var db = database.NewContext();
        var service = database.Service(db);
        var solution = await service.CreateAsync(DocumentKind.Solution, "en", null, "SSO loop", "1. Clear cookies", new DocumentMetadata { Issue = "I can't log in" }, Manager);
        await service.SubmitAsync(solution.Id, Manager);
        await service.ApproveAsync(solution.Id, 1, null, null, Manager);
        var feedback = new ReaderFeedbackService(db, database.Clock);

        await feedback.LinkCaseAsync(solution.Id, "CASE-1001", "agent-1");
        var again = await feedback.LinkCaseAsync(solution.Id, "CASE-1001", "agent-2");
        var count = await feedback.LinkCaseAsync(solution.Id, "CASE-1002", "agent-2");

        Assert.Equal(1, again);
        Assert.Equal(2, count);
        Assert.Single(await new KnowledgeReader(db, database.Clock).SolutionsForCaseAsync("CASE-1001"));
    }

    [Fact]
    public async Task Diff_ShowsInsertedAndDeletedLines()
    {
        var id = await database.NewPlaybookAsync(body: "line one\nline two\nline three\n");
        await using var db = database.NewContext();
        var service = database.Service(db);
        var document = await service.FindAsync(id, Author);
        await service.SaveAsync(id, document!.Version, document.Title, "line one\nline 2\nline three\nline four\n", document.Metadata, null, Author);
        document = await service.FindAsync(id, Author);

        var diff = RevisionDiff.Compare(document!.Revision(1)!, document.Revision(2)!);

        Assert.Contains(diff.Rows, r => r.NewText == "line four" && r.NewKind == DiffLineKind.Inserted);
        Assert.Contains(diff.Rows, r => r.OldText == "line two" && r.OldKind != DiffLineKind.Unchanged);
        Assert.Contains(diff.Rows, r => r.OldText == "line one" && r.OldKind == DiffLineKind.Unchanged);
    }

    [Fact]
    public async Task PlaybooksImproving_ListsPublishedPlaybooksByStep()
    {
        var (procedureId, playbookId) = await PublishedPairAsync();
        await using var db = database.NewContext();
        var procedure = await db.KnowledgeDocuments.Include(d => d.Revisions).SingleAsync(d => d.Id == procedureId);

        var links = await new KnowledgeReader(db, database.Clock).PlaybooksImprovingAsync(procedure, Reader);

        var link = Assert.Single(links);
        Assert.Equal("step-3", link.Step);
        Assert.Equal(playbookId, link.Playbook.Id);
    }

    private async Task<(int ProcedureId, int PlaybookId)> PublishedPairAsync()
    {
        await using var db = database.NewContext();
        var service = database.Service(db);
        var procedure = await service.CreateAsync(DocumentKind.Procedure, "en", "discovery-visit", "Discovery visit",
            "### 3. Confirm the problem {#step-3}\n", new DocumentMetadata { Owner = "Sales Operations", Stages = ["discover"] }, Manager);
        await service.SubmitAsync(procedure.Id, Manager);
        await service.ApproveAsync(procedure.Id, 1, null, new DateOnly(2026, 11, 1), Manager);
        var playbookId = await database.NewPlaybookAsync(body: "## What I do\n\nTwo visits.\n");
        await service.SubmitAsync(playbookId, Author);
        await service.ApproveAsync(playbookId, 1, null, null, Manager);
        return (procedure.Id, playbookId);
    }

    public void Dispose() => database.Dispose();
}
