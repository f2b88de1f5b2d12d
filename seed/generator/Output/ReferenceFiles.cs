using KnowledgeKaizen.SeedGenerator.Model;
using KnowledgeKaizen.SeedGenerator.People;

namespace KnowledgeKaizen.SeedGenerator.Output;

/// <summary>The small reference files: stages, reps and customers.</summary>
internal static class ReferenceFiles
{
    public static long WriteStages(string path)
    {
        using var csv = CsvFileWriter.Create(path, ["code", "name", "name_zh", "position"]);
        foreach (var s in Catalog.Stages)
        {
            csv.Field(s.Code).Field(s.Name).Field(s.NameZh).Field(s.Position).EndRow();
        }

        return csv.Rows;
    }

    public static long WriteReps(string path, IReadOnlyList<DemoRep> reps)
    {
        using var csv = CsvFileWriter.Create(path, ["external_id", "name", "email", "team", "region", "role", "hired_at", "active"]);
        foreach (var r in reps)
        {
            csv.Field(r.Id).Field(r.Name).Field(r.Email).Field(r.Team).Field(r.RegionName).Field(r.Role).Field(r.HiredAt).Field(true).EndRow();
        }

        return csv.Rows;
    }

    public static long WriteCustomers(string path, IReadOnlyList<DemoCustomer> customers)
    {
        using var csv = CsvFileWriter.Create(path, ["external_id", "name", "industry", "region", "segment", "created_at", "churned_at"]);
        foreach (var c in customers)
        {
            csv.Field(c.Id).Field(c.Name).Field(Catalog.Industries[c.Industry].Code).Field(Catalog.Regions[c.Region])
                .Field(c.Segment).Field(c.CreatedAt).Field(c.ChurnedAt).EndRow();
        }

        return csv.Rows;
    }
}
