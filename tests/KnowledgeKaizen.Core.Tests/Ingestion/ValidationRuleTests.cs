namespace KnowledgeKaizen.Core.Tests.Ingestion;

/// <summary>One test per bad-input rule: a clear problem, and nothing applied.</summary>
public sealed class ValidationRuleTests : IDisposable
{
    private const string Header = "external_id,opportunity_id,stage,rep_id,entered_at,left_at,outcome\n";
    private const string Good = "h1,o1,qualify,r1,2024-01-10,2024-01-20,advanced\n";
    private readonly IngestionTestDb db = new();

    private ImportReport Rejected(string file, ImportKind kind = ImportKind.StageHistory)
    {
        var report = db.Run(kind, file);
        Assert.False(report.Applied);
        Assert.Equal(0, db.Count("StageHistory"));
        return report;
    }

    private static void HasProblem(ImportReport report, long line, string? column, string reasonPart) =>
        Assert.Contains(report.Problems, p => p.Line == line && p.Column == column && p.Reason.Contains(reasonPart, StringComparison.Ordinal));

    [Fact]
    public void EmptyFile_IsRejected() => HasProblem(Rejected(string.Empty), 0, null, "empty");

    [Fact]
    public void HeaderOnly_IsRejected() => HasProblem(Rejected(Header), 0, null, "no data rows");

    [Fact]
    public void SemicolonDelimiter_NamesTheMissingColumnsAndTheDelimiter() =>
        HasProblem(Rejected(Header.Replace(',', ';') + Good.Replace(',', ';')), 0, null, "semicolons");

    [Fact]
    public void MissingRequiredColumn_IsRejected() =>
        HasProblem(Rejected("external_id,opportunity_id,stage,entered_at,outcome\nh1,o1,qualify,2024-01-10,open\n"), 0, null, "rep_id");

    [Fact]
    public void UnknownExtraColumn_IsIgnoredAndReported()
    {
        var report = db.Run(ImportKind.StageHistory, "external_id,opportunity_id,stage,rep_id,entered_at,left_at,outcome,colour\n" +
            "h1,o1,qualify,r1,2024-01-10,2024-01-20,advanced,blue\n");
        Assert.True(report.Applied);
        Assert.Contains(report.Warnings, w => w.Contains("colour", StringComparison.Ordinal));
    }

    [Fact]
    public void HeadersAreCaseInsensitive_AndABomIsAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Header.ToUpperInvariant() + Good)).ToArray();
        Assert.True(db.Run(ImportKind.StageHistory, bytes).Applied);
    }

    [Fact]
    public void InvalidUtf8_IsRejectedWithItsLine()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + Good).Concat(new byte[] { (byte)'h', (byte)'2', 0xC3, 0x28, (byte)'\n' }).ToArray();
        var report = db.Run(ImportKind.StageHistory, bytes);
        Assert.False(report.Applied);
        HasProblem(report, 3, null, "UTF-8");
    }

    [Fact]
    public void DuplicateIdsInOneFile_AreRejected() =>
        HasProblem(Rejected(Header + Good + Good), 3, "external_id", "already on line 2");

    [Fact]
    public void UnknownStage_IsAProblemOfThatRow() =>
        HasProblem(Rejected(Header + "h1,o1,closing,r1,2024-01-10,,open\n"), 2, "stage", "Unknown stage 'closing'");

    [Fact]
    public void UnknownOpportunity_IsAProblemOfThatRow() =>
        HasProblem(Rejected(Header + "h1,o404,qualify,r1,2024-01-10,,open\n"), 2, "opportunity_id", "Unknown opportunity");

    [Fact]
    public void EndBeforeStart_IsRejected() =>
        HasProblem(Rejected(Header + "h1,o1,qualify,r1,2024-01-10,2024-01-01,advanced\n"), 2, "left_at", "before entered_at");

    [Fact]
    public void OpenStageWithLeftAt_IsRejected() =>
        HasProblem(Rejected(Header + "h1,o1,qualify,r1,2024-01-10,2024-01-11,open\n"), 2, "left_at", "open stage");

    [Fact]
    public void NegativeAmount_IsRejected()
    {
        var report = db.Run(ImportKind.Opportunities, IngestionTestDb.Opportunities.Replace("5000,", "-5,", StringComparison.Ordinal));
        Assert.False(report.Applied);
        HasProblem(report, 3, "amount", "below the minimum");
    }

    [Fact]
    public void NotADate_NamesTheExpectedFormat() =>
        HasProblem(Rejected(Header + "h1,o1,qualify,r1,10/01/2024,,open\n"), 2, "entered_at", "ISO 8601");

    [Fact]
    public void UnknownChoice_ListsTheAllowedValues() =>
        HasProblem(Rejected(Header + "h1,o1,qualify,r1,2024-01-10,,paused\n"), 2, "outcome", "advanced, lost, open");

    [Fact]
    public void WrongFieldCount_IsAProblemOfThatRow() =>
        HasProblem(Rejected(Header + "h1,o1,qualify,r1,2024-01-10\n"), 2, null, "5 fields");

    [Fact]
    public void OneBadRow_RejectsTheWholeFileByDefault_ButValidRowsModeAppliesTheRest()
    {
        var file = Header + Good + "h2,o1,qualify,r404,2024-01-10,,open\n";
        Assert.False(db.Run(ImportKind.StageHistory, file).Applied);

        var partial = db.Run(ImportKind.StageHistory, file, ImportMode.ValidRowsOnly);

        Assert.True(partial.Applied);
        Assert.Equal((1, 1), (partial.Inserted, partial.Rejected));
        Assert.Equal(1, db.Count("StageHistory"));
    }

    [Fact]
    public void RejectedAllOrNothingImport_ReportsThatNothingWasWritten_WhileItsPreviewSaysWhatACommitWouldDo()
    {
        var file = Header + Good + "h2,o1,discover,r1,2024-01-20,,open\n" + "h3,o1,propose,r999,2024-02-01,,open\n";

        var preview = db.Run(ImportKind.StageHistory, file, dryRun: true);
        var rejected = db.Run(ImportKind.StageHistory, file);

        Assert.Equal((2, 0, 0, 1), (preview.Inserted, preview.Updated, preview.Unchanged, preview.Rejected));
        Assert.False(rejected.Applied);
        Assert.Equal((0, 0, 0, 1), (rejected.Inserted, rejected.Updated, rejected.Unchanged, rejected.Rejected));
        Assert.Contains("0 inserted, 0 updated", rejected.Summary(), StringComparison.Ordinal);
        Assert.Equal(0, db.Count("StageHistory"));
    }

    [Theory]
    [InlineData("external_id,opportunity_id,stage,rep_id,entered_at,left_at,outcome", ImportKind.StageHistory)]
    [InlineData("\uFEFF\"external_id\",\"name\",\"industry\",\"region\",\"created_at\"", ImportKind.Customers)]
    [InlineData("code,name,position", ImportKind.Stages)]
    [InlineData("external_id,name,team,region,role,email", ImportKind.Reps)]
    [InlineData("external_id,customer_id,channel,type,text,received_at,category", ImportKind.Feedback)]
    public void HeaderRow_NamesTheKindItFitsBest(string header, ImportKind expected)
    {
        Assert.Equal(expected, ImportKinds.Detect(header));
        Assert.True(expected.Fits(header));
    }

    [Theory]
    [InlineData("")]
    [InlineData("id,title,body")]
    [InlineData("external_id,name")]
    public void HeaderRow_ThatFitsNoKind_NamesNone(string header) => Assert.Null(ImportKinds.Detect(header));

    [Fact]
    public void MultilineQuotedField_KeepsLineNumbersOfLaterRows()
    {
        var file = "external_id,customer_id,agent_id,opened_at,channel,category,priority,subject,description\n" +
            "cs1,c1,r2,2024-05-01,phone,billing,high,Invoice,\"line one\nline two\"\ncs2,c1,r2,2024-05-01,fax,billing,high,Invoice,\n";
        var report = db.Run(ImportKind.ServiceCases, file);
        HasProblem(report, 4, "channel", "fax");
    }

    [Fact]
    public void ProblemsBeyondTheCap_AreCountedButNotKept()
    {
        var rows = string.Concat(Enumerable.Range(0, ImportReport.MaxProblems + 10).Select(i => $"h{i},o1,qualify,r404,2024-01-10,,open\n"));
        var report = db.Run(ImportKind.StageHistory, Header + rows);
        Assert.Equal(ImportReport.MaxProblems, report.Problems.Count);
        Assert.Equal(ImportReport.MaxProblems + 10, report.TotalProblems);
    }

    [Fact]
    public void Ndjson_IsReadLineByLine()
    {
        var ndjson = "{\"external_id\":\"h1\",\"opportunity_id\":\"o1\",\"stage\":\"qualify\",\"rep_id\":\"r1\",\"entered_at\":\"2024-01-10\",\"outcome\":\"open\"}\n" +
            "{\"external_id\":\"h2\",\"opportunity_id\":\"o1\",\"stage\":\"nope\",\"rep_id\":\"r1\",\"entered_at\":\"2024-01-10\",\"outcome\":\"open\"}\n";
        var report = db.Run(ImportKind.StageHistory, ndjson, format: ImportFormat.Json);
        HasProblem(report, 2, "stage", "Unknown stage");
    }

    [Fact]
    public void MalformedJson_IsAFileProblem()
    {
        var report = db.Run(ImportKind.StageHistory, "[{\"external_id\":\"h1\",", format: ImportFormat.Json);
        Assert.False(report.Applied);
        HasProblem(report, 0, null, "malformed");
    }

    public void Dispose() => db.Dispose();
}
