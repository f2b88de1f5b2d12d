using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Hosting;
using NetArchTest.Rules;

namespace KnowledgeKaizen.Architecture.Tests;

/// <summary>The README's rules on who may use what, checked on the built assemblies.</summary>
public sealed class DependencyRulesTests
{
    [Fact]
    public void PageModels_UseNeitherTheDbContext_NorLucene_NorMlNet()
    {
        var result = Types.InAssembly(Portal.Web).That().Inherit(typeof(PageModel))
            .ShouldNot().HaveDependencyOnAny("KnowledgeKaizen.Core.Data.KnowledgeKaizenDbContext", "Lucene.Net", "Microsoft.ML")
            .GetResult();

        Assert.True(result.IsSuccessful, "Page models that reach past their facades: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Lucene_IsUsedOnlyByTheSearchEngine()
    {
        var users = Portal.All.Where(a => Portal.References(a, "Lucene.Net")).Select(a => a.GetName().Name);

        Assert.Equal(["KnowledgeKaizen.Search"], users);
    }

    [Fact]
    public void MlNet_IsUsedOnlyByInsights()
    {
        var users = Portal.All.Where(a => Portal.References(a, "Microsoft.ML")).Select(a => a.GetName().Name);

        Assert.Equal(["KnowledgeKaizen.Insights"], users);
    }

    [Fact]
    public void Npgsql_IsUsedOnlyByTheDataLayer_AndThePostgreSqlMigrations()
    {
        var users = Portal.All.Where(a => Portal.References(a, "Npgsql")).Select(a => a.GetName().Name);

        Assert.Equal(["KnowledgeKaizen.Core", "KnowledgeKaizen.Data.PostgreSql"], users);
    }

    [Fact]
    public void Web_RunsNoBackgroundServiceOfItsOwn()
    {
        var services = Portal.Web.GetTypes().Where(t => typeof(IHostedService).IsAssignableFrom(t) && !t.IsAbstract).Select(t => t.FullName).ToList();

        Assert.True(services.Count == 0, "Background work belongs to the module that owns it: " + string.Join(", ", services));
    }

    [Fact]
    public void BackEndProjects_DoNotKnowTheWebProject()
    {
        var users = Portal.All.Where(a => a != Portal.Web && Portal.References(a, "KnowledgeKaizen.Web")).Select(a => a.GetName().Name);

        Assert.Empty(users);
    }
}
