using KnowledgeKaizen.Insights.ExpectedOutcome;
using KnowledgeKaizen.Testing.Simulation;

namespace KnowledgeKaizen.Web.Tests.PerformerDetection;

/// <summary>A model that serves stage base rates: the model page says so instead of a calibration table of constant predictions.</summary>
public sealed class BaseRateModelTests(EmptyInstallTests.EmptyInstallFactory factory) : IClassFixture<EmptyInstallTests.EmptyInstallFactory>
{
    [Fact]
    public async Task ModelPage_WhenTheBaseRateServes_SaysSo_AndShowsNoCalibration()
    {
        await factory.SnapshotAsync();
        var history = StageHistorySimulator.Generate(new SimulationSettings(3_000, 30, 2) { DealsDiffer = false });
        var model = new ExpectedOutcomeTrainer(new ExpectedOutcomeOptions { Trainers = [], FoldCount = 3 }).Train(history.Rows).Value!.Model;
        Assert.True(model.Report.ServesBaseRate);
        Assert.True((await factory.Services.GetRequiredService<ModelStore>().SaveAndPromoteAsync(model, 1)).Promoted);

        await factory.EnsureUserAsync("km.baserate@test.local", Roles.KnowledgeManager);
        var manager = await factory.SignInAsync("km.baserate@test.local", PortalFactory.UserPassword);
        var page = await manager.GetStringAsync("/Insights/Model");

        Assert.Contains("data-testid=\"base-rate-serves\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"calibration\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"validation-missing\"", page, StringComparison.Ordinal);
    }
}
