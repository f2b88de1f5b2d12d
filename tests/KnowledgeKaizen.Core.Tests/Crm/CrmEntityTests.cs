using KnowledgeKaizen.Core.Crm;

namespace KnowledgeKaizen.Core.Tests.Crm;

public sealed class CrmEntityTests
{
    private static readonly DateTime Opened = new(2024, 5, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void QuoteAccuracy_IsOneForAnExactQuoteAndFallsWithTheGap()
    {
        var quote = new SalesActivity("a1", 1, 1, ActivityType.Quote, Opened, amount: 100);
        var call = new SalesActivity("a2", 1, 1, ActivityType.Call, Opened);

        Assert.Equal(1, quote.QuoteAccuracy(100));
        Assert.Equal(0.8, quote.QuoteAccuracy(125)!.Value, 6);
        Assert.Null(call.QuoteAccuracy(100));
    }

    [Fact]
    public void ResolvingACase_BeforeItOpened_IsRefused()
    {
        var serviceCase = new ServiceCase(null, 1, 1, Opened, CaseChannel.Phone, "billing", CasePriority.High, "Invoice wrong", null);
        Assert.Throws<ArgumentOutOfRangeException>(() => serviceCase.Resolve(Opened.AddHours(-1), "Corrected"));
    }

    [Fact]
    public void ResolvingACaseWithoutAResponse_CountsTheResolutionAsTheFirstResponse()
    {
        var serviceCase = new ServiceCase(null, 1, 1, Opened, CaseChannel.Phone, "billing", CasePriority.High, "Invoice wrong", null);
        serviceCase.Resolve(Opened.AddHours(2), "Reissued the invoice");
        Assert.Equal(Opened.AddHours(2), serviceCase.FirstResponseAt);
        Assert.True(serviceCase.IsResolved);
    }

    [Fact]
    public void Feedback_WithAScoreOutOfRange_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerFeedback(null, FeedbackChannel.Web, FeedbackType.Praise, "好", Opened, score: 6));

    [Fact]
    public void StageHistory_CannotBeLeftBeforeItWasEntered()
    {
        var entry = new StageHistoryEntry("h1", 1, 1, 1, Opened);
        Assert.Throws<ArgumentOutOfRangeException>(() => entry.Advance(Opened.AddDays(-1)));
        entry.Lose(Opened.AddDays(3));
        Assert.Equal((StageOutcome.Lost, TimeSpan.FromDays(3)), (entry.Outcome, entry.Duration!.Value));
    }

    [Fact]
    public void ApiToken_StoresOnlyTheHashOfItsSecret()
    {
        var (token, secret) = KnowledgeKaizen.Core.Identity.ApiToken.Create("ci", "admin@test", DateTimeOffset.UnixEpoch);
        Assert.StartsWith("kk_", secret, StringComparison.Ordinal);
        Assert.NotEqual(secret, token.Hash);
        Assert.Equal(KnowledgeKaizen.Core.Identity.ApiToken.HashOf(secret), token.Hash);
        Assert.StartsWith(token.Prefix, secret, StringComparison.Ordinal);
    }
}
