using static KnowledgeKaizen.Core.Tests.Knowledge.KnowledgeTestDatabase;

namespace KnowledgeKaizen.Core.Tests.Knowledge;

public sealed class KnowledgeLifecycleTests : IDisposable
{
    private readonly KnowledgeTestDatabase database = new();

    [Fact]
    public async Task Submit_Approve_PublishesAndSetsVerification()
    {
        var id = await database.NewPlaybookAsync();
        await using var db = database.NewContext();
        var service = database.Service(db);

        await service.SubmitAsync(id, Author);
        await service.ApproveAsync(id, 1, "Clear and useful.", null, Manager);

        var document = await service.FindAsync(id, new Actor("staff-1", "Reader", false));
        Assert.NotNull(document);
        Assert.Equal(DocumentStatus.Published, document.Status);
        Assert.Equal(1, document.PublishedRevisionNumber);
        Assert.Equal("Zhou Min", document.VerifierName);
        Assert.Equal(new DateOnly(2026, 11, 27).AddDays(KnowledgeDocument.DefaultReviewIntervalDays), document.VerifyBy);
    }

    [Fact]
    public async Task Draft_IsHiddenFromOtherReaders_ButVisibleToAuthorAndManager()
    {
        var id = await database.NewPlaybookAsync();
        await using var db = database.NewContext();
        var service = database.Service(db);

        Assert.Null(await service.FindAsync(id, OtherContributor));
        Assert.NotNull(await service.FindAsync(id, Author));
        Assert.NotNull(await service.FindAsync(id, Manager));
    }

    [Fact]
    public async Task Return_WithoutComment_IsRejected()
    {
        var id = await database.NewPlaybookAsync();
        await using var db = database.NewContext();
        var service = database.Service(db);
        await service.SubmitAsync(id, Author);

        await Assert.ThrowsAsync<KnowledgeRuleException>(() => service.ReturnAsync(id, 1, "  ", Manager));
    }

    [Fact]
    public async Task Return_WithComment_SendsDraftBackAndKeepsTheComment()
    {
        var id = await database.NewPlaybookAsync();
        await using var db = database.NewContext();
        var service = database.Service(db);
        await service.SubmitAsync(id, Author);

        await service.ReturnAsync(id, 1, "Add the evidence numbers.", Manager);

        var document = await service.FindAsync(id, Author);
        Assert.Equal(DocumentStatus.Draft, document!.Status);
        Assert.Equal("Add the evidence numbers.", Assert.Single(document.ReviewComments).Comment);
    }

    [Fact]
    public async Task Approve_ByContributor_IsRejected()
    {
        var id = await database.NewPlaybookAsync();
        await using var db = database.NewContext();
        var service = database.Service(db);
        await service.SubmitAsync(id, Author);

        await Assert.ThrowsAsync<KnowledgeRuleException>(() => service.ApproveAsync(id, 1, null, null, OtherContributor with { IsManager = false }));
    }

    [Fact]
    public async Task Submit_ByAnotherContributor_IsRejected()
    {
        var id = await database.NewPlaybookAsync();
        await using var db = database.NewContext();

        await Assert.ThrowsAsync<KnowledgeRuleException>(() => database.Service(db).SubmitAsync(id, OtherContributor));
    }

    [Fact]
    public async Task EditAfterPublish_KeepsPublishedTextForReadersUntilApproved()
    {
        var id = await database.NewPlaybookAsync();
        await using (var db = database.NewContext())
        {
            var service = database.Service(db);
            await service.SubmitAsync(id, Author);
            await service.ApproveAsync(id, 1, null, null, Manager);
        }

        await using (var db = database.NewContext())
        {
            var service = database.Service(db);
            var current = await service.FindAsync(id, Author);
            var outcome = await service.SaveAsync(id, current!.Version, "Two-visit discovery", "## Situation\n\nSecond text.\n", current.Metadata, "clarify", Author);
            Assert.True(outcome.Succeeded);
        }

        await using (var db = database.NewContext())
        {
            var document = await database.Service(db).FindAsync(id, Manager);
            Assert.Equal(2, document!.CurrentRevisionNumber);
            Assert.Equal("## Situation\n\nFirst text.\n", document.RevisionInForce(new DateOnly(2026, 11, 27))!.Body);
            Assert.True(document.HasPendingChanges);
        }
    }

    [Fact]
    public async Task Save_WithStaleVersion_ReturnsConflictWithTheirTextAndWritesNothing()
    {
        var id = await database.NewPlaybookAsync();
        int opened;
        await using (var db = database.NewContext())
        {
            var service = database.Service(db);
            var document = await service.FindAsync(id, Author);
            opened = document!.Version;
            await service.SaveAsync(id, opened, "Two-visit discovery", "Manager's text", document.Metadata, null, Manager);
        }

        await using (var db = database.NewContext())
        {
            var service = database.Service(db);
            var outcome = await service.SaveAsync(id, opened, "Two-visit discovery", "Author's text", new DocumentMetadata(), null, Author);

            Assert.Equal(SaveStatus.Conflict, outcome.Status);
            Assert.Equal("Manager's text", outcome.TheirRevision!.Body);
            Assert.Equal(2, (await service.FindAsync(id, Author))!.CurrentRevisionNumber);
        }
    }

    [Fact]
    public async Task Save_OversizedDocument_IsInvalid()
    {
        var id = await database.NewPlaybookAsync();
        await using var db = database.NewContext();
        var service = database.Service(db);
        var document = await service.FindAsync(id, Author);

        var outcome = await service.SaveAsync(id, document!.Version, "t", new string('x', 200_001), document.Metadata, null, Author);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Contains("longer than", outcome.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_TextThatWouldNotRender_IsInvalidWithTheReason_AndNothingIsWritten()
    {
        var id = await database.NewPlaybookAsync();
        await using var db = database.NewContext();
        var service = database.Service(db);
        var document = await service.FindAsync(id, Author);

        var outcome = await service.SaveAsync(id, document!.Version, "t", new string('>', 5_000) + " quoted", document.Metadata, null, Author);

        Assert.Equal(SaveStatus.Invalid, outcome.Status);
        Assert.Contains("nested more than {0} levels", outcome.Error!.Message, StringComparison.Ordinal);
        await using var check = database.NewContext();
        Assert.Equal(1, (await database.Service(check).FindAsync(id, Author))!.CurrentRevisionNumber);
    }

    [Fact]
    public async Task Restore_OldRevision_AddsItAsNewRevision()
    {
        var id = await database.NewPlaybookAsync();
        await using var db = database.NewContext();
        var service = database.Service(db);
        var document = await service.FindAsync(id, Author);
        await service.SaveAsync(id, document!.Version, "Renamed", "changed", document.Metadata, null, Author);

        await service.RestoreAsync(id, 1, Author);

        var restored = await service.FindAsync(id, Author);
        Assert.Equal(3, restored!.CurrentRevisionNumber);
        Assert.Equal("## Situation\n\nFirst text.\n", restored.CurrentRevision.Body);
        Assert.Equal("Two-visit discovery", restored.Title);
        Assert.Equal(3, restored.Revisions.Count);
    }

    [Fact]
    public async Task Approve_ProcedureWithFutureDate_KeepsCurrentRevisionInForceUntilThen()
    {
        await using var db = database.NewContext();
        var service = database.Service(db);
        var procedure = await service.CreateAsync(DocumentKind.Procedure, "en", "lead-qualification", "Lead qualification", "v1",
            new DocumentMetadata { Owner = "Sales Operations", ReviewIntervalDays = 90 }, Manager);
        await service.SubmitAsync(procedure.Id, Manager);
        await service.ApproveAsync(procedure.Id, 1, null, new DateOnly(2026, 11, 1), Manager);
        await service.SaveAsync(procedure.Id, procedure.Version, "Lead qualification", "v2", procedure.Metadata, null, Manager);
        await service.SubmitAsync(procedure.Id, Manager);

        await service.ApproveAsync(procedure.Id, 2, null, new DateOnly(2027, 1, 1), Manager);

        var document = await service.FindAsync(procedure.Id, Manager);
        Assert.Equal("v1", document!.RevisionInForce(new DateOnly(2026, 12, 31))!.Body);
        Assert.Equal("v2", document.RevisionInForce(new DateOnly(2027, 1, 1))!.Body);
        Assert.Equal(new DateOnly(2027, 1, 1).AddDays(90), document.VerifyBy);
    }

    [Fact]
    public async Task Slug_FromTitle_IsMadeUniquePerLanguage()
    {
        await database.NewPlaybookAsync("Quote within 24 hours");
        await using var db = database.NewContext();

        var second = await database.Service(db).CreateAsync(DocumentKind.Playbook, "en", null, "Quote within 24 hours", "x", new DocumentMetadata(), Author);

        Assert.Equal("quote-within-24-hours-2", second.Slug);
    }

    [Fact]
    public async Task CreatePlaybookDraft_FromCaptureRequest_KeepsEvidenceAndTemplate()
    {
        await database.AddUserAsync("rep-7", "rep7@demo.kaizen");
        await using var db = database.NewContext();

        var draft = await database.Service(db).CreatePlaybookDraftAsync("rep-7", "Same-day quotes", "quote", ["quotation-and-approval#step-2"],
            "## Evidence snapshot\n\nConversion at Quote 62 % against 44 % expected.");

        Assert.Equal(DocumentStatus.Draft, draft.Status);
        Assert.Equal("rep-7", draft.AuthorUserId);
        Assert.Contains("Conversion at Quote", draft.EvidenceSnapshot, StringComparison.Ordinal);
        Assert.Contains("## What I do", draft.CurrentRevision.Body, StringComparison.Ordinal);
        Assert.Equal(["quote"], draft.Stages);
    }

    [Fact]
    public async Task CreatePlaybookDraft_HoldsTheEvidenceOnceInItsSection_AndNoNoteToTheAuthor()
    {
        await database.AddUserAsync("rep-9", "rep9@demo.kaizen");
        const string evidence = "### Performance evidence: Zhao Lei at Proposal\n\n- Entries decided: **40**; advanced **31**.\n\n" +
            "Standard procedure of this stage: `proposal-preparation`. Name the step this practice improves in the Improves field (proposal-preparation#step-N).\n";
        await using var db = database.NewContext();

        var draft = await database.Service(db).CreatePlaybookDraftAsync("rep-9", "My method at Proposal", "propose", [], evidence, "zh");

        var body = draft.CurrentRevision.Body;
        Assert.Equal("## 适用情境\n\n## 我的做法\n\n## 为什么有效\n\n## 操作步骤\n\n1. \n2. \n\n## 常见误区\n\n## 效果依据\n\n" +
            "### Performance evidence: Zhao Lei at Proposal\n\n- Entries decided: **40**; advanced **31**.\n", body);
        Assert.True(EvidenceText.IsIn(draft.EvidenceSnapshot, body));
        Assert.False(EvidenceText.IsIn(draft.EvidenceSnapshot, "## 效果依据\n\nRewritten by the author.\n"));
    }

    [Fact]
    public void Templates_CarryNoGuidanceThatWouldBePublished()
    {
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            foreach (var language in DocumentKinds.Languages)
            {
                var lines = DocumentTemplates.For(kind, language).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
                Assert.All(lines, line => Assert.True(line.StartsWith('#') || line.StartsWith('|') || line.StartsWith('-') || line.StartsWith('`')
                    || char.IsDigit(line[0]) || line.Contains("-->", StringComparison.Ordinal) || line.StartsWith("flowchart", StringComparison.Ordinal),
                    $"{kind}/{language}: \"{line}\" would be published as text"));
            }
        }
    }

    public void Dispose() => database.Dispose();
}
