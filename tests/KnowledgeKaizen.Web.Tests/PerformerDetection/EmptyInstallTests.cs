using KnowledgeKaizen.Core.PerformerDetection;

namespace KnowledgeKaizen.Web.Tests.PerformerDetection;

/// <summary>A new install without CRM data: the first retraining records "not enough data" instead of failing.</summary>
public sealed class EmptyInstallTests(EmptyInstallTests.EmptyInstallFactory factory) : IClassFixture<EmptyInstallTests.EmptyInstallFactory>
{
    /// <summary>An empty install (no demo data) with the demo portal's fast model settings.</summary>
    public sealed class EmptyInstallFactory : DemoDataPortalFactory
    {
        protected override bool LoadsDemoData => false;
    }

    [Fact]
    public async Task EmptyInstall_ShowsNotEnoughData_OnPagesAndApi()
    {
        var snapshot = await factory.SnapshotAsync();
        Assert.Equal(SnapshotStatus.NotEnoughData, snapshot.Status);
        Assert.False(string.IsNullOrWhiteSpace(snapshot.Reason));

        await factory.EnsureUserAsync("km.empty@test.local", Roles.KnowledgeManager);
        var manager = await factory.SignInAsync("km.empty@test.local", PortalFactory.UserPassword);
        Assert.Contains("data-testid=\"not-enough-data\"", await manager.GetStringAsync("/Insights/Performance"), StringComparison.Ordinal);
        var model = await manager.GetStringAsync("/Insights/Model");
        Assert.Contains("data-testid=\"not-enough-data\"", model, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-model\"", model, StringComparison.Ordinal);

        using var api = JsonDocument.Parse(await manager.GetStringAsync("/api/v1/insights/performance"));
        Assert.Equal("not-enough-data", api.RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/Insights/Performance/1/qualify")).StatusCode);
    }
}
