using KnowledgeKaizen.Core.Notifications;

namespace KnowledgeKaizen.Core.Tests.Notifications;

public sealed class OutgoingMailTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FailedAttempts_WaitTwiceAsLongEachTime_UpToTheLongestDelay_ThenTheMailIsGivenUp()
    {
        var mail = new OutgoingMail("user-1", "a@test.local", "en", isDigest: false, Start);
        var waits = new List<TimeSpan>();
        var at = Start;
        for (var attempt = 1; attempt < 6; attempt++)
        {
            mail.AttemptFailed(null, "connection refused", at, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), maxAttempts: 6);
            waits.Add(mail.NextAttemptAt - at);
            at = mail.NextAttemptAt;
        }

        Assert.Equal([1, 2, 4, 5, 5], waits.Select(w => w.TotalMinutes));
        Assert.Equal(OutgoingMailStatus.Queued, mail.Status);
        mail.AttemptFailed("Subject", "connection refused", at, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), maxAttempts: 6);
        Assert.Equal(OutgoingMailStatus.Failed, mail.Status);
        Assert.Equal(6, mail.Attempts);
        Assert.Equal("connection refused", mail.LastError);

        mail.RetryNow(at);
        Assert.Equal((OutgoingMailStatus.Queued, 0, at), (mail.Status, mail.Attempts, mail.NextAttemptAt));
        mail.Sent("Subject", at);
        Assert.Throws<InvalidOperationException>(() => mail.RetryNow(at));
    }
}
