using KnowledgeKaizen.Core.Crm;

namespace KnowledgeKaizen.Core.Tests.Ingestion.Mapping;

/// <summary>The derivation rules on hand-made timelines over four stages (lead, demo, offer, sign).</summary>
public sealed class StageHistoryDerivationTests
{
    private static readonly string[] Stages = ["lead", "demo", "offer", "sign"];
    private static readonly DateTime Day0 = new(2024, 9, 2, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void StraightPath_Won_FillsTheStagesAfterTheLastOneReached()
    {
        var result = Derive(DealOutcome.Won, null, ("lead", 0), ("demo", 3), ("offer", 7), ("#won", 10));

        Assert.Equal(["lead 0-3 Advanced", "demo 3-7 Advanced", "offer 7-10 Advanced", "sign 10-10 Advanced"], Rows(result));
        Assert.Equal(["FilledToWon sign"], Notes(result));
    }

    [Fact]
    public void SkippedStage_IsAZeroLengthRowAtTheTimeOfTheJump_AndReported()
    {
        var result = Derive(DealOutcome.Lost, null, ("lead", 0), ("offer", 4), ("#lost", 9));

        Assert.Equal(["lead 0-4 Advanced", "demo 4-4 Advanced", "offer 4-9 Lost"], Rows(result));
        Assert.Equal(["Skipped demo"], Notes(result));
    }

    [Fact]
    public void DealStartingFurtherDown_FillsTheStagesBefore()
    {
        var result = Derive(DealOutcome.Open, null, ("offer", 2));

        Assert.Equal(["lead 2-2 Advanced", "demo 2-2 Advanced", "offer 2-open Open"], Rows(result));
        Assert.Equal(["Skipped lead", "Skipped demo"], Notes(result));
    }

    [Fact]
    public void MoveBackwards_ChangesNoRow_TheFurthestStageKeepsTheTime_AndIsReported()
    {
        var result = Derive(DealOutcome.Won, null, ("lead", 0), ("demo", 1), ("offer", 2), ("demo", 5), ("offer", 6), ("sign", 8), ("#won", 9));

        Assert.Equal(["lead 0-1 Advanced", "demo 1-2 Advanced", "offer 2-8 Advanced", "sign 8-9 Advanced"], Rows(result));
        Assert.Equal(["Backward offer->demo"], Notes(result));
    }

    [Fact]
    public void MovedBackThenLost_IsLostAtTheFurthestStage()
    {
        var result = Derive(DealOutcome.Lost, null, ("lead", 0), ("offer", 3), ("lead", 4), ("#lost", 6));

        Assert.Equal(["lead 0-3 Advanced", "demo 3-3 Advanced", "offer 3-6 Lost"], Rows(result));
    }

    [Fact]
    public void Reopened_TheEarlierCloseDoesNotCount()
    {
        var result = Derive(DealOutcome.Open, null, ("lead", 0), ("demo", 2), ("#lost", 4), ("demo", 8), ("offer", 12));

        Assert.Equal(["lead 0-2 Advanced", "demo 2-12 Advanced", "offer 12-open Open"], Rows(result));
        Assert.Equal(["Reopened #lost"], Notes(result));
    }

    [Fact]
    public void WonThenCorrectedToLost_OnlyTheLastCloseCounts()
    {
        var result = Derive(DealOutcome.Lost, null, ("lead", 0), ("demo", 1), ("#won", 5), ("#lost", 6));

        Assert.Equal(["lead 0-1 Advanced", "demo 1-6 Lost"], Rows(result));
        Assert.Equal(["Reopened #won"], Notes(result));
    }

    [Fact]
    public void StillOpen_LastStageStaysOpen()
    {
        var result = Derive(DealOutcome.Open, null, ("lead", 0), ("lead", 1), ("demo", 3));

        Assert.Equal(["lead 0-3 Advanced", "demo 3-open Open"], Rows(result));
        Assert.Empty(Notes(result));
    }

    [Fact]
    public void EventsAtTheSameTime_KeepTheirSourceOrder()
    {
        var result = Derive(DealOutcome.Open, null, ("lead", 1), ("demo", 1), ("offer", 2));

        Assert.Equal(["lead 1-1 Advanced", "demo 1-2 Advanced", "offer 2-open Open"], Rows(result));
    }

    [Fact]
    public void EventsOutOfOrderInTheFile_AreSortedByTime()
    {
        var result = Derive(DealOutcome.Open, null, ("demo", 4), ("lead", 1));

        Assert.Equal(["lead 1-4 Advanced", "demo 4-open Open"], Rows(result));
    }

    [Fact]
    public void RecordClosedButHistoryWithoutClose_ClosesAtTheRecordsCloseTime()
    {
        var result = Derive(DealOutcome.Lost, Day0.AddDays(20), ("lead", 0), ("demo", 5));

        Assert.Equal(["lead 0-5 Advanced", "demo 5-20 Lost"], Rows(result));
        Assert.Equal(["TerminalMissing lost"], Notes(result));
    }

    [Fact]
    public void RecordOpenButHistoryClosed_TheLastRowStaysOpen()
    {
        var result = Derive(DealOutcome.Open, null, ("lead", 0), ("#lost", 5));

        Assert.Equal(["lead 0-open Open"], Rows(result));
        Assert.Equal(["StateConflict open"], Notes(result));
    }

    [Fact]
    public void RecordWonButHistoryLost_TheRecordWinsAtTheHistorysCloseTime()
    {
        var result = Derive(DealOutcome.Won, null, ("lead", 0), ("offer", 2), ("#lost", 5));

        Assert.Equal(["lead 0-2 Advanced", "demo 2-2 Advanced", "offer 2-5 Advanced", "sign 5-5 Advanced"], Rows(result));
        Assert.Contains("StateConflict won", Notes(result));
    }

    [Fact]
    public void NoHistory_OrNoStageBeforeTheClose_GivesNoRows()
    {
        Assert.Empty(Derive(DealOutcome.Open, null).Rows);
        Assert.Equal(["NoHistory "], Notes(Derive(DealOutcome.Open, null)));
        var closeOnly = Derive(DealOutcome.Won, null, ("#won", 3));
        Assert.Empty(closeOnly.Rows);
        Assert.Equal(["NoHistory no stage before the close"], Notes(closeOnly));
    }

    [Fact]
    public void IgnoredValues_DoNotCount()
    {
        var result = Derive(DealOutcome.Open, null, ("lead", 0), ("#ignore", 1), ("demo", 2));

        Assert.Equal(["lead 0-2 Advanced", "demo 2-open Open"], Rows(result));
    }

    private static DerivedHistory Derive(DealOutcome outcome, DateTime? closedAt, params (string Stage, int Day)[] timeline)
    {
        var events = timeline.Select((e, i) => new StageEvent(Day0.AddDays(e.Day), e.Stage switch
        {
            "#won" => StageEvent.Won,
            "#lost" => StageEvent.Lost,
            "#ignore" => StageEvent.Ignore,
            var s => Array.IndexOf(Stages, s),
        }, e.Stage, i + 2)).ToList();
        return StageHistoryDerivation.Derive("deal-1", events, Stages, outcome, closedAt);
    }

    private static List<string> Rows(DerivedHistory result) =>
        result.Rows.Select(r => $"{r.Stage} {Day(r.EnteredAt)}-{(r.LeftAt is { } left ? Day(left).ToString(System.Globalization.CultureInfo.InvariantCulture) : "open")} {r.Outcome}").ToList();

    private static List<string> Notes(DerivedHistory result) => result.Notes.Select(n => $"{n.Kind} {n.Detail ?? n.Source}").ToList();

    private static int Day(DateTime at) => (int)(at - Day0).TotalDays;
}
