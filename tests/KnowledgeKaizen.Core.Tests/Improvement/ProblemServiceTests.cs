namespace KnowledgeKaizen.Core.Tests.Improvement;

/// <summary>A cluster turned into a solution article: written in the language of most complaints, titled by a term a person would write.</summary>
public sealed class ProblemServiceTests : IDisposable
{
    private readonly KnowledgeTestDatabase database = new();

    [Fact]
    public async Task TurnIntoSolution_MostlyChineseComplaints_IsAChineseDraftTitledByTheChineseTerm()
    {
        var clusterId = await ClusterAsync("wrong tax number · 税号", ["wrong tax number", "税号"],
            ["开票时税号写错了", "税号又错了，请更正", "The tax number on the bill is wrong"]);
        await using var db = database.NewContext();

        var id = await Service(db).TurnIntoSolutionAsync(clusterId, KnowledgeTestDatabase.Manager);

        var draft = await db.KnowledgeDocuments.AsNoTracking().SingleAsync(d => d.Id == id);
        Assert.Equal(("zh", "税号"), (draft.Language, draft.Title));
        Assert.Equal(id, (await db.ProblemClusters.AsNoTracking().SingleAsync(c => c.Id == clusterId)).SolutionId);
    }

    [Fact]
    public async Task TurnIntoSolution_MostlyEnglishComplaints_IsAnEnglishDraftWithACapitalisedTitle_AndASecondCallReturnsIt()
    {
        var clusterId = await ClusterAsync("missing spare part · 备件", ["missing spare part", "备件"],
            ["The spare part was missing from the box", "No spare part in the delivery", "备件缺失"]);
        await using var db = database.NewContext();
        var service = Service(db);

        var id = await service.TurnIntoSolutionAsync(clusterId, KnowledgeTestDatabase.Manager);

        var draft = await db.KnowledgeDocuments.AsNoTracking().SingleAsync(d => d.Id == id);
        Assert.Equal(("en", "Missing spare part"), (draft.Language, draft.Title));
        Assert.Equal(id, await service.TurnIntoSolutionAsync(clusterId, KnowledgeTestDatabase.Manager));
        Assert.Equal(1, await db.KnowledgeDocuments.CountAsync());
    }

    [Fact]
    public async Task TurnIntoSolution_AnUnknownCluster_IsRefused()
    {
        await using var db = database.NewContext();

        await Assert.ThrowsAsync<ImprovementRuleException>(() => Service(db).TurnIntoSolutionAsync(404, KnowledgeTestDatabase.Manager));
    }

    private ProblemService Service(Data.KnowledgeKaizenDbContext db) =>
        new(db, database.Service(db), new InProcessJobQueue(db, new JobSignal(), database.Clock));

    private async Task<long> ClusterAsync(string label, string[] terms, string[] examples)
    {
        await using var db = database.NewContext();
        var cluster = new ProblemCluster(Guid.NewGuid(), 1, label, terms, examples.Length, ["2026-10=" + examples.Length], examples, new DateTime(2026, 11, 1));
        db.ProblemClusters.Add(cluster);
        await db.SaveChangesAsync();
        return cluster.Id;
    }

    public void Dispose() => database.Dispose();
}
