namespace KnowledgeKaizen.Core.Tests.Ingestion;

/// <summary>An in-memory database with the schema and a small CRM fixture loaded through the pipeline.</summary>
internal sealed class IngestionTestDb : IDisposable
{
    public const string Stages = "code,name,name_zh,position\nqualify,Lead qualification,线索确认,1\ndiscover,Discovery visit,需求调研,2\npropose,Proposal,方案建议,3\n";
    public const string Reps = "external_id,name,email,team,region,role,hired_at,active\nr1,Ann Lee,ann@example.com,East A,East,sales,2020-01-06,true\nr2,王芳,wang@example.com,East B,East,service,,\n";
    public const string Customers = "external_id,name,industry,region,segment,created_at,churned_at\nc1,Acme 制造,manufacturing,East,mid,2023-02-01,\n";
    public const string Opportunities = "external_id,customer_id,owner_id,amount,industry,source,region,created_at,expected_close_at,forecast_amount,closed_at,outcome,loss_reason,final_amount,collected_amount\n" +
        "o1,c1,r1,12000.50,manufacturing,referral,East,2024-01-10,,,2024-03-01,won,,11800,11800\n" +
        "o2,c1,r1,5000,manufacturing,web,East,2024-02-10,,,,open,,,\n";

    private readonly InMemoryDatabase database;

    /// <param name="withFixture">Load the small CRM fixture.</param>
    /// <param name="migrated">Build the schema with the migrations (raw-SQL indexes and triggers included) instead of from the model.</param>
    public IngestionTestDb(bool withFixture = true, bool migrated = false)
    {
        database = new InMemoryDatabase(migrated);
        if (withFixture)
        {
            Load(ImportKind.Stages, Stages);
            Load(ImportKind.Reps, Reps);
            Load(ImportKind.Customers, Customers);
            Load(ImportKind.Opportunities, Opportunities);
        }
    }

    public KnowledgeKaizenDbContext NewContext() => database.NewContext();

    public ImportReport Run(ImportKind kind, string text, ImportMode mode = ImportMode.AllOrNothing, bool dryRun = false, ImportFormat format = ImportFormat.Csv) =>
        Run(kind, Encoding.UTF8.GetBytes(text), mode, dryRun, format);

    public ImportReport Run(ImportKind kind, byte[] bytes, ImportMode mode = ImportMode.AllOrNothing, bool dryRun = false, ImportFormat format = ImportFormat.Csv)
    {
        using var db = NewContext();
        return new ImportPipeline(db).RunAsync(new MemoryStream(bytes), new ImportRequest(kind, format, mode, dryRun)).GetAwaiter().GetResult();
    }

    public void Load(ImportKind kind, string text)
    {
        var report = Run(kind, text);
        Assert.True(report.Applied, string.Join("; ", report.Problems.Select(p => $"{p.Line}:{p.Column}:{p.Reason}")));
    }

    public long Count(string table) => Scalar($"SELECT COUNT(*) FROM \"{table}\"");

    public void Execute(string sql) => database.Execute(sql);

    /// <summary>Type, name and SQL of every index and trigger of <paramref name="table"/>, in name order.</summary>
    public IReadOnlyList<string> SchemaOf(string table)
    {
        using var command = database.Command("SELECT type || ' ' || name || ': ' || sql FROM sqlite_master WHERE tbl_name = $table AND sql IS NOT NULL AND type <> 'table' ORDER BY name");
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    public long Scalar(string sql) => database.Scalar(sql);

    /// <summary>Every row of a query as its cells joined by " | " (null as an empty cell).</summary>
    public IReadOnlyList<string> Rows(string sql)
    {
        using var command = database.Command(sql);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public void Dispose() => database.Dispose();
}
