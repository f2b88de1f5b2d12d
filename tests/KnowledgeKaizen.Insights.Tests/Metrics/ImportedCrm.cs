using System.Text;
using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Ingestion;

namespace KnowledgeKaizen.Insights.Tests.Metrics;

/// <summary>
/// A migrated in-memory CRM (aggregate tables and change triggers included) filled through the real import
/// pipeline with the aggregate refresher hooked in, from random but seeded CSV files spanning four months.
/// </summary>
internal sealed class ImportedCrm : IDisposable
{
    private const string Stages = "code,name,name_zh,position\nqualify,Lead qualification,线索确认,1\ndiscover,Discovery visit,需求调研,2\npropose,Proposal,方案建议,3\n";
    private const string Reps = "external_id,name,email,team,region,role,hired_at,active\n" +
        "r1,Ann,ann@x.test,East A,East,sales,,\nr2,Bo,bo@x.test,East A,East,sales,,\nr3,Cy,cy@x.test,West A,West,sales,,\nr4,Di,di@x.test,West A,West,service,,\n";
    private const string Customers = "external_id,name,industry,region,segment,created_at,churned_at\nc1,Acme,retail,East,smb,2026-01-10,\nc2,Bolt,finance,West,mid,2026-02-20,\n";
    private static readonly string[] Channels = ["phone", "email", "chat"];
    private static readonly string[] Categories = ["billing", "delivery"];
    private static readonly string[] Types = ["visit", "call", "proposal", "quote"];
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly InMemoryDatabase database = new(migrated: true);

    public ImportedCrm()
    {
        Import(ImportKind.Stages, Stages);
        Import(ImportKind.Reps, Reps);
        Import(ImportKind.Customers, Customers);
    }

    public KnowledgeKaizenDbContext NewContext() => database.NewContext();

    public ImportReport Import(ImportKind kind, string csv)
    {
        using var db = NewContext();
        var report = new ImportPipeline(db, [new MetricFactsRefresher()])
            .RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ImportRequest(kind, ImportFormat.Csv)).GetAwaiter().GetResult();
        Assert.True(report.Applied, string.Join("; ", report.Problems.Select(p => $"{p.Line}:{p.Column}:{p.Reason}")));
        return report;
    }

    /// <summary>Imports opportunities, stage history, activities and cases drawn from <paramref name="seed"/> (same ids each time, so a second call updates rows).</summary>
    public void ImportRandomFacts(int seed)
    {
        var random = new Random(seed);
        string Rep() => $"r{random.Next(1, 5)}";
        DateTime When() => Start.AddMinutes(random.Next(0, 4 * 30 * 24 * 60));
        string T(DateTime value) => value.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        var opportunities = new StringBuilder("external_id,customer_id,owner_id,amount,industry,source,region,created_at,expected_close_at,forecast_amount,closed_at,outcome,loss_reason,final_amount,collected_amount\n");
        var history = new StringBuilder("external_id,opportunity_id,stage,rep_id,entered_at,left_at,outcome\n");
        var activities = new StringBuilder("external_id,opportunity_id,rep_id,type,occurred_at,amount,cost\n");
        for (var o = 1; o <= 40; o++)
        {
            var created = When();
            var closed = created.AddDays(random.Next(1, 60));
            var outcome = random.Next(3) switch { 0 => "won", 1 => "lost", _ => "open" };
            var final = outcome == "won" ? (1000 + random.Next(0, 500)).ToString(CultureInfo.InvariantCulture) : string.Empty;
            opportunities.Append(CultureInfo.InvariantCulture, $"o{o},c{1 + (o % 2)},{Rep()},1200,retail,web,East,{T(created)},{created.AddDays(random.Next(5, 90)):yyyy-MM-dd},{random.Next(500, 1500)},")
                .Append(outcome == "open" ? ",open,,," : $"{T(closed)},{outcome},{(outcome == "lost" ? "price" : string.Empty)},{final},{(outcome == "won" ? random.Next(0, 1500) : string.Empty)}")
                .Append('\n');
            var entered = created;
            foreach (var stage in new[] { "qualify", "discover", "propose" })
            {
                var left = entered.AddHours(random.Next(1, 24 * 40));
                var result = random.Next(4) switch { 0 => "lost", 1 => "open", _ => "advanced" };
                history.Append(CultureInfo.InvariantCulture, $"h{o}-{stage},o{o},{stage},{Rep()},{T(entered)},{(result == "open" ? string.Empty : T(left))},{result}\n");
                if (result != "advanced")
                {
                    break;
                }

                entered = left;
            }

            for (var a = 0; a < random.Next(0, 6); a++)
            {
                var type = Types[random.Next(Types.Length)];
                activities.Append(CultureInfo.InvariantCulture, $"a{o}-{a},o{o},{Rep()},{type},{T(When())},{(type == "quote" ? random.Next(800, 1600).ToString(CultureInfo.InvariantCulture) : string.Empty)},{(random.Next(5) == 0 ? string.Empty : random.Next(1, 90).ToString(CultureInfo.InvariantCulture))}\n");
            }
        }

        var cases = new StringBuilder("external_id,customer_id,agent_id,opened_at,first_response_at,resolved_at,channel,category,priority,satisfaction,cost,subject,description,resolution\n");
        for (var c = 1; c <= 60; c++)
        {
            var opened = When();
            var first = random.Next(6) == 0 ? string.Empty : T(opened.AddMinutes(random.Next(1, 3000)));
            var resolved = random.Next(4) == 0 ? string.Empty : T(opened.AddHours(random.Next(1, 400)));
            cases.Append(CultureInfo.InvariantCulture, $"k{c},c{1 + (c % 2)},{Rep()},{T(opened)},{first},{resolved},{Channels[random.Next(3)]},{Categories[random.Next(2)]},normal,")
                .Append(CultureInfo.InvariantCulture, $"{(random.Next(3) == 0 ? string.Empty : random.Next(1, 6))},{(random.Next(4) == 0 ? string.Empty : random.Next(10, 99))},Subject {c},Text,\n");
        }

        Import(ImportKind.Opportunities, opportunities.ToString());
        Import(ImportKind.StageHistory, history.ToString());
        Import(ImportKind.Activities, activities.ToString());
        Import(ImportKind.ServiceCases, cases.ToString());
    }

    public long Scalar(string sql) => database.Scalar(sql);

    public string Text(string sql) => database.Text(sql);

    public void Dispose() => database.Dispose();
}
