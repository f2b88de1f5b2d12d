using KnowledgeKaizen.Core.PerformerDetection;

namespace KnowledgeKaizen.Core.Tests.PerformerDetection;

public sealed class CaptureRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static CaptureRequest Request() => new(1, 7, "Ada", "qualify", "user-1", "km", "### Evidence", Now);

    [Fact]
    public void Accepting_RecordsTheDraft_AndCannotHappenTwice()
    {
        var request = Request();
        request.Draft(42, Now);
        Assert.Equal(CaptureRequestStatus.Drafted, request.Status);
        Assert.Equal(42, request.PlaybookId);
        Assert.Throws<InvalidOperationException>(() => request.Decline(Now));
    }

    [Fact]
    public void OnlyADraftedRequest_CanBePublished()
    {
        var request = Request();
        Assert.Throws<InvalidOperationException>(request.MarkPublished);
        request.Draft(42, Now);
        request.MarkPublished();
        Assert.Equal(CaptureRequestStatus.Published, request.Status);
    }

    [Fact]
    public void ARequestWithoutEvidenceOrRecipient_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new CaptureRequest(1, 7, "Ada", "qualify", " ", "km", "x", Now));
        Assert.Throws<ArgumentException>(() => new CaptureRequest(1, 7, "Ada", "qualify", "user-1", "km", "", Now));
    }

    [Fact]
    public void CompletingATask_MarksItRead_AndLinksMustStayInsideThePortal()
    {
        var task = new UserTask("user-1", "capture-request", "Capture request", "/Tasks/Capture/1", Now);
        task.Complete(Now);
        Assert.True(task.IsRead);
        Assert.True(task.IsDone);
        Assert.Throws<ArgumentException>(() => new UserTask("user-1", "x", "t", "https://evil.example/", Now));
        Assert.Throws<ArgumentException>(() => new UserTask("user-1", "x", "t", "//evil.example/", Now));
    }
}
