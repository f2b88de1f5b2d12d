using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeKaizen.Web.Tests.Insights;

/// <summary>The portal with the demo CRM data loaded once per test class (the seed CSVs through the domain model).</summary>
public sealed class SeededPortalFactory : PortalFactory, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        using var scope = Services.CreateScope();
        await SeedCsv.LoadAsync(scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>());
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
