namespace KnowledgeKaizen.Core.Tests.Ingestion.Mapping;

/// <summary>Validation of definitions, the portal rules, dates, detection and proposals.</summary>
public sealed class MappingDefinitionTests
{
    [Fact]
    public void EveryPreset_Validates_AndRoundTripsThroughJson()
    {
        Assert.NotEmpty(MappingPresets.All);
        foreach (var preset in MappingPresets.All)
        {
            Assert.True(MappingValidation.Validate(preset).Count == 0, preset.Name + ": " + string.Join("; ", MappingValidation.Validate(preset)));
            Assert.Equal(preset.ToJson(), ImportMapping.FromJson(preset.ToJson()).ToJson());
        }
    }

    [Fact]
    public void BrokenDefinitions_AreRefused_WithWhatIsWrong()
    {
        var broken = ImportMapping.FromJson("""
            {
              "name": "bad name!", "kind": "customers", "timeZone": "Mars/Olympus",
              "fields": {
                "externalid": { "column": "Id" },
                "name": { "column": "Name", "value": "x" },
                "segment": { "column": "Employees", "rule": "headcount" },
                "created_at": { "column": "Created", "format": "qq" },
                "region": { "lookup": { "in": "warehouses", "key": { "column": "Id" }, "take": "region", "pick": "last" } }
              },
              "keep": [{ "column": "Type" }]
            }
            """);

        var errors = MappingValidation.Validate(broken);

        Assert.Contains(errors, e => e.Contains("'bad name!' is not valid", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'Mars/Olympus' is not a time zone", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'externalid' is not a column of customers", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("exactly one source", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'headcount' is not a rule", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'qq'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'warehouses'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("needs orderBy", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("A condition of a filter", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownJsonProperty_IsRefused()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => ImportMapping.FromJson("""{ "name": "x", "kind": "reps", "colums": {} }"""));
    }

    [Theory]
    [InlineData("0065g00000077K4", "0065g00000077K4AAI")]
    [InlineData("0015g0000003nJU", "0015g0000003nJUAAY")]
    [InlineData("001000000000abc", "001000000000abcAAA")]
    [InlineData("ABCDEabcdeABCDE", "ABCDEabcdeABCDE5A5")]
    public void SalesforceId18_AddsTheCaseSuffix(string id15, string id18)
    {
        Assert.True(PortalRules.TryApply(PortalRules.SalesforceId18, id15, null, out var result));
        Assert.Equal(id18, result);
    }

    [Theory]
    [InlineData("NPS", "0", "complaint", "1")]
    [InlineData("NPS", "7", "suggestion", "4")]
    [InlineData("NPS", "9", "praise", "5")]
    [InlineData("CSAT", "3", "suggestion", "3")]
    [InlineData("CES", "1", "complaint", "1")]
    [InlineData("CES", "4", "suggestion", "3")]
    [InlineData("CES", "5", "praise", "4")]
    [InlineData("CES", "7", "praise", "5")]
    public void SurveyAnswers_BecomeATypeAndAScoreOnTheirScale(string survey, string answer, string type, string score)
    {
        Assert.True(PortalRules.TryApply(PortalRules.SurveyType, answer, survey, out var t));
        Assert.True(PortalRules.TryApply(PortalRules.SurveyScore, answer, survey, out var s));
        Assert.Equal((type, score), (t, s));
        Assert.False(PortalRules.TryApply(PortalRules.SurveyScore, "11", "NPS", out _));
    }

    [Theory]
    [InlineData("2025-01-08 10:00", null, "Asia/Shanghai", "2025-01-08T02:00:00Z")]
    [InlineData("2025-07-01T10:00:00", null, "Europe/Berlin", "2025-07-01T08:00:00Z")]
    [InlineData("2025-07-01T10:00:00+02:00", null, "Asia/Shanghai", "2025-07-01T08:00:00Z")]
    [InlineData("1/21/2025", "M/d/yyyy", "Asia/Shanghai", "2025-01-21")]
    [InlineData("1736301600000", "epoch-ms", null, "2025-01-08T02:00:00Z")]
    [InlineData("2025-03-04", null, "-05:00", "2025-03-04")]
    public void Dates_AreReadInTheMappingsTimeZone(string text, string? format, string? zone, string expected)
    {
        Assert.True(DateReader.TryResolveZone(zone, out var tz));
        Assert.True(new DateReader(tz).TryParse(text, format, out var utc, out var dateOnly));
        Assert.Equal(expected, DateReader.Format(utc, dateOnly));
    }

    [Fact]
    public void LocalTimeTheClockSkips_IsNotADate()
    {
        Assert.True(DateReader.TryResolveZone("America/New_York", out var zone));
        Assert.False(new DateReader(zone).TryParse("2025-03-09 02:30", null, out _, out _));
    }

    [Theory]
    [InlineData("salesforce", "opportunity.csv", ImportKind.Opportunities, "salesforce-opportunity")]
    [InlineData("salesforce", "opportunity-history.csv", ImportKind.StageHistory, "salesforce-opportunity-history")]
    [InlineData("salesforce", "opportunities-report.csv", ImportKind.Opportunities, "salesforce-opportunities-report")]
    [InlineData("hubspot", "deals.csv", ImportKind.Opportunities, "hubspot-deals")]
    [InlineData("hubspot", "deals.csv", ImportKind.StageHistory, "hubspot-deals-stage-columns")]
    [InlineData("hubspot", "calls.csv", ImportKind.Activities, "hubspot-calls")]
    [InlineData("dynamics365", "incidents.csv", ImportKind.ServiceCases, "dynamics365-incidents")]
    [InlineData("dynamics365", "opportunity-stage-audit.csv", ImportKind.StageHistory, "dynamics365-opportunity-stage-audit")]
    public void SampleExports_AreDetectedFromTheirHeader(string vendor, string file, ImportKind kind, string preset)
    {
        var header = Header(Path.Combine(RepoPaths.CrmExports, vendor, file));

        var found = ImportDetector.Detect(header, MappingPresets.All, kind);

        Assert.Equal(preset, found[0].Mapping?.Name);
    }

    [Fact]
    public void PortalFiles_AreDetectedAsTheirKind_WithoutAMapping()
    {
        var found = ImportDetector.Detect(Header(Path.Combine(RepoPaths.SeedData, "stage-history.csv")), MappingPresets.All);

        Assert.Equal((ImportKind.StageHistory, null), (found[0].Kind, found[0].Mapping));
    }

    [Fact]
    public async Task Proposal_ForAnUnknownLayout_MatchesColumnsByName_ValueMapsAndDateFormats()
    {
        var csv = "商机编号,客户ID,负责人,商机金额,创建日期,结果,来源\nK-1,c1,r1,5000,3/15/2025,赢单,展会\nK-2,c1,r2,800,4/2/2025,进行中,推荐\n";
        var sample = await FileSample.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ImportFormat.Csv, 20);

        var mapping = MappingProposer.Propose(ImportKind.Opportunities, sample, "draft");

        Assert.Equal("商机编号", mapping.Fields["external_id"].Column![0]);
        Assert.Equal("客户ID", mapping.Fields["customer_id"].Column![0]);
        Assert.Equal("负责人", mapping.Fields["owner_id"].Column![0]);
        Assert.Equal("商机金额", mapping.Fields["amount"].Column![0]);
        Assert.Equal("M/d/yyyy", mapping.Fields["created_at"].Format);
        Assert.Equal(new Dictionary<string, string> { ["赢单"] = "won", ["进行中"] = "open" }, mapping.Fields["outcome"].Values);
        Assert.Equal(new Dictionary<string, string> { ["展会"] = "event", ["推荐"] = "referral" }, mapping.Fields["source"].Values);
        Assert.Empty(MappingValidation.Validate(mapping));
    }

    private static IReadOnlyList<string> Header(string path)
    {
        using var stream = File.OpenRead(path);
        return FileSample.ReadAsync(stream, ImportFormat.Csv, 1).GetAwaiter().GetResult().Header;
    }
}
