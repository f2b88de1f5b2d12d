using KnowledgeKaizen.SeedGenerator.Model;

namespace KnowledgeKaizen.SeedGenerator.Tests;

public class IntegrityTests
{
    private static readonly string Folder = SeedFixture.Generate(SeedFixture.Small());

    private static HashSet<string> Ids(string file) =>
        SeedFixture.Read(Folder, file).Select(r => r["external_id"]).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void EveryReference_ResolvesToAnExistingRecord()
    {
        var reps = Ids("reps.csv");
        var customers = Ids("customers.csv");
        var opportunities = Ids("opportunities.csv");
        var cases = Ids("service-cases.csv");
        var stages = SeedFixture.Read(Folder, "stages.csv").Select(s => s["code"]).ToHashSet();

        Assert.All(SeedFixture.Read(Folder, "opportunities.csv"), o =>
        {
            Assert.Contains(o["customer_id"], customers);
            Assert.Contains(o["owner_id"], reps);
        });
        Assert.All(SeedFixture.Read(Folder, "stage-history.csv"), s =>
        {
            Assert.Contains(s["opportunity_id"], opportunities);
            Assert.Contains(s["rep_id"], reps);
            Assert.Contains(s["stage"], stages);
        });
        Assert.All(SeedFixture.Read(Folder, "activities.csv"), a => Assert.Contains(a["opportunity_id"], opportunities));
        Assert.All(SeedFixture.Read(Folder, "service-cases.csv"), c =>
        {
            Assert.Contains(c["customer_id"], customers);
            Assert.Contains(c["agent_id"], reps);
        });
        Assert.All(SeedFixture.Read(Folder, "feedback.csv"), f =>
        {
            Assert.True(f["customer_id"] == "" || customers.Contains(f["customer_id"]));
            Assert.True(f["case_id"] == "" || cases.Contains(f["case_id"]));
            Assert.True(f["handled_by"] == "" || reps.Contains(f["handled_by"]));
        });
    }

    [Fact]
    public void StageHistory_FormsAPrefixOfTheSequence_ConsistentWithTheOpportunityOutcome()
    {
        var outcomes = SeedFixture.Read(Folder, "opportunities.csv").ToDictionary(o => o["external_id"], o => o["outcome"]);
        var codes = Catalog.Stages.Select(s => s.Code).ToList();
        var byOpportunity = SeedFixture.Read(Folder, "stage-history.csv").GroupBy(s => s["opportunity_id"]).ToList();

        Assert.Equal(outcomes.Count, byOpportunity.Count);
        foreach (var rows in byOpportunity)
        {
            var list = rows.ToList();
            Assert.Equal(codes.Take(list.Count), list.Select(r => r["stage"]));
            Assert.All(list.SkipLast(1), r => Assert.Equal("advanced", r["outcome"]));
            var last = list[^1]["outcome"];
            var expected = outcomes[rows.Key] switch
            {
                "won" => list.Count == codes.Count && last == "advanced",
                "lost" => last == "lost",
                _ => last == "open",
            };
            Assert.True(expected, $"{rows.Key} ends with {last} but is {outcomes[rows.Key]}");
            for (var i = 1; i < list.Count; i++)
            {
                Assert.Equal(list[i - 1]["left_at"], list[i]["entered_at"]);
            }
        }
    }

    [Fact]
    public void TimeRules_HoldInEveryFile()
    {
        var end = new DemoDataOptions().End;
        Assert.All(SeedFixture.Read(Folder, "stage-history.csv"), s =>
        {
            Assert.Equal(s["outcome"] == "open", s["left_at"] == "");
            Assert.True(s["left_at"] == "" || SeedFixture.Instant(s["left_at"]) >= SeedFixture.Instant(s["entered_at"]));
        });
        Assert.All(SeedFixture.Read(Folder, "opportunities.csv"), o =>
        {
            Assert.True(o["closed_at"] == "" || SeedFixture.Instant(o["closed_at"]) >= SeedFixture.Instant(o["created_at"]));
            Assert.True(SeedFixture.Instant(o["created_at"]) < end);
        });
        Assert.All(SeedFixture.Read(Folder, "service-cases.csv"), c =>
        {
            var opened = SeedFixture.Instant(c["opened_at"]);
            Assert.True(c["resolved_at"] == "" || SeedFixture.Instant(c["resolved_at"]) >= opened);
            Assert.True(c["first_response_at"] == "" || SeedFixture.Instant(c["first_response_at"]) >= opened);
        });
        Assert.All(SeedFixture.Read(Folder, "feedback.csv"), f =>
            Assert.True(f["resolved_at"] == "" || SeedFixture.Instant(f["resolved_at"]) >= SeedFixture.Instant(f["received_at"])));
    }

    [Fact]
    public void Activities_FallInsideTheirOpportunitysLife_AndQuotesCarryAmounts()
    {
        var created = SeedFixture.Read(Folder, "opportunities.csv").ToDictionary(o => o["external_id"], o => SeedFixture.Instant(o["created_at"]));
        var activities = SeedFixture.Read(Folder, "activities.csv");

        Assert.All(activities, a => Assert.True(SeedFixture.Instant(a["occurred_at"]) >= created[a["opportunity_id"]]));
        Assert.All(activities.Where(a => a["type"] == "quote"), a => Assert.NotEqual("", a["amount"]));
        Assert.Equal(["call", "proposal", "quote", "visit"], activities.Select(a => a["type"]).Distinct().Order());
    }
}
