using KnowledgeKaizen.Core.Backups;
using KnowledgeKaizen.Web.Backups;

namespace KnowledgeKaizen.Web.Tests.Data;

/// <summary>
/// On PostgreSQL an import is staged by COPY and applied in one transaction with its history entry, so the entry always
/// says what the table holds; backups are pg_dump's, so the portal takes none of its own and its restore command refuses.
/// </summary>
[Collection(BothDatabases.Name)]
public sealed class PostgreSqlImportsAndBackupsTests(BothDatabases databases)
{
    private const string Header = "external_id,name,industry,region,created_at\n";

    [Fact]
    public async Task AnImport_CommitsItsRecordWithItsRows_AndARejectedFileWritesNothing()
    {
        var prefix = "pgimp-" + Guid.NewGuid().ToString("N")[..8];
        var rows = string.Concat(Enumerable.Range(1, 40).Select(i => $"{prefix}-{i},Customer {i},Retail,North,2025-03-{1 + (i % 28):00}\n"));

        var first = await ImportAsync(Header + rows, ImportMode.AllOrNothing);
        var again = await ImportAsync(Header + rows.Replace("Customer 7,", "Customer seven,", StringComparison.Ordinal), ImportMode.AllOrNothing);
        var rejected = await ImportAsync(Header + $"{prefix}-41,New one,Retail,North,2025-04-01\n{prefix}-42,Bad date,Retail,North,not-a-date\n",
            ImportMode.AllOrNothing);

        Assert.Equal((ImportStatus.Succeeded, 40L, 0L, 0L), (first.Status, first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((ImportStatus.Succeeded, 0L, 1L, 39L), (again.Status, again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal((ImportStatus.Rejected, 0L, 1L), (rejected.Status, rejected.Inserted, rejected.Rejected));
        Assert.Equal(40, await databases.PostgreSql.WithDbAsync(db => db.Customers.CountAsync(c => c.ExternalId.StartsWith(prefix))));
        Assert.Equal("Customer seven", await databases.PostgreSql.WithDbAsync(db => db.Customers.Where(c => c.ExternalId == prefix + "-7")
            .Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task NoBackupsOfItsOwn_AndTheRestoreCommandRefuses_NamingPgRestore()
    {
        using (var scope = databases.PostgreSql.Services.CreateScope())
        {
            Assert.False(scope.ServiceProvider.GetRequiredService<BackupService>().IsAvailable);
        }

        using var folder = new TempFolder("pg-restore");
        var backup = folder.File("knowledgekaizen-20260101-000000.zip");
        await File.WriteAllBytesAsync(backup, Encoding.UTF8.GetBytes("not read"));
        var output = new StringWriter();
        var exit = await RestoreCommand.RunAsync(["restore", backup, $"--KnowledgeKaizen:DataPath={folder.File("data")}",
            $"--{DatabaseSettings.ProviderKey}=PostgreSql", $"--{DatabaseSettings.ConnectionStringKey}={databases.PostgreSql.Postgres.ConnectionString}"], output);

        Assert.Equal(1, exit);
        Assert.Contains("pg_restore", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.File("data"), "knowledgekaizen.db")));
    }

    private async Task<ImportRecord> ImportAsync(string csv, ImportMode mode)
    {
        using var scope = databases.PostgreSql.Services.CreateScope();
        var imports = scope.ServiceProvider.GetRequiredService<ImportService>();
        var record = await imports.ReceiveAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "customers.csv", ImportKind.Customers, mode, false,
            ImportSource.Api, "tests", long.MaxValue);
        await imports.RunAsync(record.Id);
        return (await imports.FindAsync(record.Id))!;
    }
}
