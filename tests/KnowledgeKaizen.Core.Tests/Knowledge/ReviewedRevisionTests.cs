namespace KnowledgeKaizen.Core.Tests.Knowledge;

/// <summary>
/// A review decision covers exactly the revision the reviewer read: the aggregate refuses an approval or a return of
/// any other revision, and a change to a document in review takes it out of review.
/// </summary>
public sealed class ReviewedRevisionTests
{
    private static readonly DateTimeOffset Monday = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Actor Writer = new("writer-7", "Chen Jie", false);
    private static readonly Actor Reviewer = new("reviewer-3", "Ana Costa", true);
    private static readonly DocumentMetadata Metadata = new() { Stages = ["negotiate"] };

    [Fact]
    public void Approve_OfTheRevisionUnderReview_PublishesItAndRecordsTheCommentAgainstIt()
    {
        var document = Submitted("Ask for the budget holder first.");

        document.Approve(Reviewer, 1, "Clear.", default, Monday.AddHours(1));

        Assert.Equal(DocumentStatus.Published, document.Status);
        Assert.Equal(1, document.PublishedRevisionNumber);
        Assert.Equal(1, Assert.Single(document.ReviewComments).RevisionNumber);
    }

    [Fact]
    public void Edit_WhileInReview_ReturnsTheDraftToDraft_AndTheOldApprovalIsRefused()
    {
        var document = Submitted("Ask for the budget holder first.");

        document.Edit("Budget holder", "Ask for the budget holder first. Then skip procurement.", Metadata, "late change", Writer, Monday.AddHours(1));

        Assert.Equal(DocumentStatus.Draft, document.Status);
        var refusal = Assert.Throws<KnowledgeRuleException>(() => document.Approve(Reviewer, 1, "Looks fine.", default, Monday.AddHours(2)));
        Assert.Equal(new object[] { 1, 2 }, refusal.Arguments);
        Assert.Null(document.PublishedRevisionNumber);
        Assert.Empty(document.ReviewComments);
    }

    [Fact]
    public void Approve_OfAnOlderRevision_AfterTheAuthorResubmitted_IsRefusedAndPublishesNothing()
    {
        var document = Submitted("Quote within a day.");
        document.Edit("Budget holder", "Quote within the hour, whatever the discount.", Metadata, null, Writer, Monday.AddHours(1));
        document.SubmitForReview(Writer, Monday.AddHours(2));

        Assert.Throws<KnowledgeRuleException>(() => document.Approve(Reviewer, 1, null, default, Monday.AddHours(3)));

        Assert.Equal(DocumentStatus.InReview, document.Status);
        Assert.Null(document.PublishedRevisionNumber);
        document.Approve(Reviewer, 2, "Read revision 2.", default, Monday.AddHours(4));
        Assert.Equal(2, document.PublishedRevisionNumber);
    }

    [Fact]
    public void Return_OfAnOlderRevision_IsRefused()
    {
        var document = Submitted("Quote within a day.");
        document.Edit("Budget holder", "Quote within a day, in writing.", Metadata, null, Writer, Monday.AddHours(1));
        document.SubmitForReview(Writer, Monday.AddHours(2));

        Assert.Throws<KnowledgeRuleException>(() => document.ReturnToAuthor(Reviewer, 1, "Add numbers.", Monday.AddHours(3)));
        Assert.Equal(DocumentStatus.InReview, document.Status);
    }

    [Fact]
    public void Edit_OfAPublishedDocumentsChangesInReview_KeepsThePublishedTextAndLeavesReview()
    {
        var document = Submitted("Version one.");
        document.Approve(Reviewer, 1, null, default, Monday.AddHours(1));
        document.Edit("Budget holder", "Version two.", Metadata, null, Writer, Monday.AddHours(2));
        document.SubmitForReview(Writer, Monday.AddHours(3));

        document.Edit("Budget holder", "Version three.", Metadata, null, Writer, Monday.AddHours(4));

        Assert.Equal(DocumentStatus.Published, document.Status);
        Assert.Equal(1, document.PublishedRevisionNumber);
        Assert.True(document.HasPendingChanges);
        Assert.Throws<KnowledgeRuleException>(() => document.Approve(Reviewer, 2, null, default, Monday.AddHours(5)));
    }

    [Fact]
    public void Restore_WhileInReview_LeavesReviewToo()
    {
        var document = Submitted("First words.");
        document.Approve(Reviewer, 1, null, default, Monday.AddHours(1));
        document.Edit("Budget holder", "Second words.", Metadata, null, Writer, Monday.AddHours(2));
        document.SubmitForReview(Writer, Monday.AddHours(3));

        document.Restore(1, Writer, Monday.AddHours(4));

        Assert.Equal(DocumentStatus.Published, document.Status);
        Assert.Equal(3, document.CurrentRevisionNumber);
    }

    private static KnowledgeDocument Submitted(string body)
    {
        var document = KnowledgeDocument.CreateDraft(DocumentKind.Playbook, "budget-holder", "en", "Budget holder", body, Metadata, Writer, Monday);
        document.SubmitForReview(Writer, Monday);
        return document;
    }
}
