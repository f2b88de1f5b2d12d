using System.Globalization;
using System.Text;
using KnowledgeKaizen.Core.Crm;
using KnowledgeKaizen.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Web.Tests.Insights;

/// <summary>
/// Loads the demo CRM files (seed/data) through the domain constructors, so consistency tests can compare the
/// dashboards with the raw files. Activities are skipped (not needed for the checks, and the slowest part).
/// </summary>
public static class SeedCsv
{
    public static string Folder => Path.Combine(Infrastructure.RepoPaths.Root, "seed", "data");

    public static IEnumerable<Dictionary<string, string>> Read(string file)
    {
        using var reader = new StreamReader(Path.Combine(Folder, file), Encoding.UTF8);
        var records = Parse(reader.ReadToEnd()).ToList();
        var header = records[0];
        foreach (var record in records.Skip(1).Where(r => r.Count == header.Count))
        {
            yield return header.Select((h, i) => (h, record[i])).ToDictionary(p => p.h, p => p.Item2, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>RFC 4180: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static IEnumerable<List<string>> Parse(string text)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                record.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return record;
                record = [];
            }
            else { field.Append(c); }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }

    public static DateTime Instant(string value) =>
        DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static T Parse<T>(string value) where T : struct, Enum => Enum.Parse<T>(value, ignoreCase: true);

    private static double Number(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    public static async Task LoadAsync(KnowledgeKaizenDbContext db)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var stages = Read("stages.csv").Select(r => new SalesStage(r["code"], r["name"], r["name_zh"], int.Parse(r["position"], CultureInfo.InvariantCulture))).ToList();
        var reps = Read("reps.csv").Select(r => new Rep(r["external_id"], r["name"], r["team"], r["region"], Parse<RepRole>(r["role"]), r["email"])).ToList();
        var customerRows = Read("customers.csv").ToList();
        var customers = customerRows.Select(r => new Customer(r["external_id"], r["name"], r["industry"], r["region"], Instant(r["created_at"]))).ToList();
        db.AddRange(stages);
        db.AddRange(reps);
        db.AddRange(customers);
        await db.SaveChangesAsync();
        foreach (var (row, customer) in customerRows.Zip(customers).Where(p => p.First["churned_at"].Length > 0))
        {
            customer.Churn(Instant(row["churned_at"]));
            db.Update(customer);
        }

        var stageIds = stages.ToDictionary(s => s.Code, s => s.Id);
        var repIds = reps.ToDictionary(r => r.ExternalId, r => r.Id);
        var customerIds = customers.ToDictionary(c => c.ExternalId, c => c.Id);
        var opportunities = new Dictionary<string, Opportunity>();
        foreach (var r in Read("opportunities.csv"))
        {
            var o = new Opportunity(r["external_id"], customerIds[r["customer_id"]], repIds[r["owner_id"]], Number(r["amount"]), r["industry"], Parse<LeadSource>(r["source"]), r["region"], Instant(r["created_at"]));
            if (r["outcome"] == "won") { o.Win(Instant(r["closed_at"]), Number(r["final_amount"])); }
            else if (r["outcome"] == "lost") { o.Lose(Instant(r["closed_at"]), r["loss_reason"]); }
            opportunities[o.ExternalId] = o;
        }

        db.AddRange(opportunities.Values);
        await db.SaveChangesAsync();
        foreach (var r in Read("stage-history.csv"))
        {
            var h = new StageHistoryEntry(r["external_id"], opportunities[r["opportunity_id"]].Id, stageIds[r["stage"]], repIds[r["rep_id"]], Instant(r["entered_at"]));
            if (r["outcome"] == "advanced") { h.Advance(Instant(r["left_at"])); }
            else if (r["outcome"] == "lost") { h.Lose(Instant(r["left_at"])); }
            db.Add(h);
        }

        var cases = new Dictionary<string, ServiceCase>();
        foreach (var r in Read("service-cases.csv"))
        {
            var c = new ServiceCase(r["external_id"], customerIds[r["customer_id"]], repIds[r["agent_id"]], Instant(r["opened_at"]), Parse<CaseChannel>(r["channel"]), r["category"], Parse<CasePriority>(r["priority"]), r["subject"], r["description"]);
            if (r["first_response_at"].Length > 0) { c.RespondFirst(Instant(r["first_response_at"])); }
            if (r["resolved_at"].Length > 0) { c.Resolve(Instant(r["resolved_at"]), r["resolution"].Length > 0 ? r["resolution"] : "resolved"); }
            if (r["satisfaction"].Length > 0) { c.RateSatisfaction(int.Parse(r["satisfaction"], CultureInfo.InvariantCulture)); }
            cases[r["external_id"]] = c;
        }

        db.AddRange(cases.Values);
        await db.SaveChangesAsync();
        foreach (var r in Read("feedback.csv"))
        {
            var f = new CustomerFeedback(r["external_id"], Parse<FeedbackChannel>(r["channel"]), Parse<FeedbackType>(r["type"]), r["text"], Instant(r["received_at"]),
                r["customer_id"].Length > 0 ? customerIds[r["customer_id"]] : null, r["case_id"].Length > 0 ? cases[r["case_id"]].Id : null,
                r["category"].Length > 0 ? r["category"] : null, r["score"].Length > 0 ? int.Parse(r["score"], CultureInfo.InvariantCulture) : null);
            if (r["handled_by"].Length > 0 || r["resolved_at"].Length > 0)
            {
                f.Handle(r["handled_by"].Length > 0 ? repIds[r["handled_by"]] : null, r["handling_record"], r["resolved_at"].Length > 0 ? Instant(r["resolved_at"]) : null);
            }

            db.Add(f);
        }

        await db.SaveChangesAsync();
        // Service cases and feedback are searchable; their outbox rows are irrelevant to these tests.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM SearchOutbox");
    }
}
