using System.Globalization;
using KnowledgeKaizen.Core.Crm;
using KnowledgeKaizen.Core.Ingestion;
using KnowledgeKaizen.Core.Knowledge;
using KnowledgeKaizen.Testing;
using KnowledgeKaizen.Web.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeKaizen.Web.Tests.Localization;

/// <summary>Codes and accounts become names, in the reader's language, from one place.</summary>
public sealed class DisplayNamesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public void WithoutTheCrmsStages_TheStandardStageNamesAreUsed_AndUnknownCodesAreHumanised() => InCulture("zh-Hans", names =>
    {
        Assert.Equal("需求调研", names.Stage("discover"));
        Assert.Equal("Site survey", names.Stage("site_survey"));
        Assert.Equal("交付延迟", names.Category("late_delivery"));
        Assert.Equal("First call", names.Category("first_call"));
        Assert.Equal("医疗", names.Industry("healthcare"));
        Assert.Equal("知识经理", names.Role("KnowledgeManager"));
        Assert.Equal("阶段记录", names.ImportKindName(ImportKind.StageHistory));
        Assert.Equal("内容库", names.Person("content/"));
        Assert.Equal("内容库", names.Person(Actor.ImporterName));
        Assert.Equal("从内容库导入", names.ChangeNote("Imported from content/"));
    });

    [Fact]
    public async Task TheCrmsStageNames_AndPeoplesNames_WinOverCodesAndAddresses()
    {
        await factory.WithDbAsync(async db =>
        {
            db.SalesStages.Add(new SalesStage("survey", "Site survey", "现场勘察", 9));
            db.Reps.Add(new Rep("REP-NAMES-1", "Zhou Hui", "East Service", "East", RepRole.Service, "zhou.hui@names.test"));
            return await db.SaveChangesAsync();
        });
        await factory.EnsureUserAsync("mei@names.test");

        InCulture("zh-Hans", names => Assert.Equal("现场勘察", names.Stage("survey")));
        InCulture("en", names =>
        {
            Assert.Equal("Site survey", names.Stage("survey"));
            Assert.Equal("Zhou Hui", names.Person("zhou.hui@names.test"));
            Assert.Equal("mei", names.Person("MEI@names.test"));
            Assert.Equal("nobody@names.test", names.Person("nobody@names.test"));
            Assert.Equal("Standardised from playbook \"Two visits\" by Zhou Hui (#7)",
                names.ChangeNote("Standardised from playbook \"Two visits\" by zhou.hui@names.test (#7)"));
        });
    }

    [Fact]
    public void TheAuditLogsOwnPhrases_AreShownInTheReadersLanguage_WhatPeopleWroteAsWritten() => InCulture("zh-Hans", names =>
    {
        var applied = new ImportReport { Kind = ImportKind.ServiceCases, Mode = ImportMode.AllOrNothing, Rows = 12, Inserted = 10, Updated = 2, Applied = true };
        var mapped = new ImportReport { Kind = ImportKind.Reps, Mode = ImportMode.ValidRowsOnly, DryRun = true, Rows = 3, Mapping = "hubspot-owners", Filtered = 1 };

        Assert.Equal("成功: 服务工单: 12 行，新增 10，更新 2，未变化 0，拒绝 0，问题 0 个 — 已应用",
            names.AuditDetail($"{ImportStatus.Succeeded}: {applied.Summary()}"));
        Assert.Equal("已预览: 销售: 3 行，新增 0，更新 0，未变化 0，拒绝 0，问题 0 个; 映射 hubspot-owners 略过 1 行 — 试运行，未应用任何内容",
            names.AuditDetail($"{ImportStatus.Previewed}: {mapped.Summary()}"));
        Assert.Equal("失败: The file is not UTF-8.", names.AuditDetail("Failed: The file is not UTF-8."));
        Assert.Equal("密码错误", names.AuditDetail("wrong password"));
        Assert.Equal("修订版 3: Add the numbers.", names.AuditDetail("revision 3: Add the numbers."));
        Assert.Equal("贡献者、培训师", names.AuditDetail("Contributor, Trainer"));
        Assert.Equal("Call back, then write", names.AuditDetail("Call back, then write"));
        Assert.Equal("最佳实践手册 #12 Confirm the budget", names.AuditTarget("Playbook #12 Confirm the budget"));
        Assert.Equal("课程 #4", names.AuditTarget("course #4"));
        Assert.Equal("演示数据", names.Person("demo data"));
    });

    private void InCulture(string culture, Action<DisplayNames> check)
    {
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            using var scope = factory.Services.CreateScope();
            check(scope.ServiceProvider.GetRequiredService<DisplayNames>());
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format);
        }
    }
}
