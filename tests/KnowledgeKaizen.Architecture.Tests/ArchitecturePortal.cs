using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgeKaizen.Architecture.Tests;

/// <summary>The real portal's composition on an empty data folder, for rules only the registered services show.</summary>
public sealed class ArchitecturePortal : WebApplicationFactory<Program>
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "kk-architecture", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("KnowledgeKaizen:DataPath", dataPath);
        builder.UseSetting("KnowledgeKaizen:LoadDemoData", "false");
        builder.UseSetting("KK_ADMIN_PASSWORD", "Architecture-Passw0rd!");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataPath, recursive: true);
            }
            catch (IOException)
            {
                // A handle still closing; the OS temp cleaner takes the folder.
            }
        }
    }
}
