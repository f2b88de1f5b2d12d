using KnowledgeKaizen.Core.Crm;
using KnowledgeKaizen.Core.Ingestion.Mapping;
using KnowledgeKaizen.Core.PerformerDetection;
using KnowledgeKaizen.Insights;
using KnowledgeKaizen.Insights.ExpectedOutcome;
using KnowledgeKaizen.Web.Ingestion;
using KnowledgeKaizen.Web.Localization;
using Microsoft.Extensions.Localization;

namespace KnowledgeKaizen.Web.Tests.Localization;

/// <summary>Codes and accounts become names, in the reader's language, from one place.</summary>
public sealed class DisplayNamesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Without the CRM's own stages the standard names are used; unknown codes are humanised; regions stay as the CRM wrote them.</summary>
    [Theory]
    [InlineData("zh-Hans", "stage", "discover", "需求调研")]
    [InlineData("zh-Hans", "stage", "site_survey", "Site survey")]
    [InlineData("zh-Hans", "category", "late_delivery", "交付延迟")]
    [InlineData("zh-Hans", "category", "first_call", "First call")]
    [InlineData("zh-Hans", "industry", "healthcare", "医疗")]
    [InlineData("zh-Hans", "role", "KnowledgeManager", "知识经理")]
    [InlineData("zh-Hans", "import kind", nameof(ImportKind.StageHistory), "阶段记录")]
    [InlineData("zh-Hans", "person", "content/", "内容库")]
    [InlineData("zh-Hans", "person", Actor.ImporterName, "内容库")]
    [InlineData("zh-Hans", "person", "demo data", "演示数据")]
    [InlineData("zh-Hans", "change note", "Imported from content/", "从内容库导入")]
    [InlineData("zh-Hans", "audit detail", "Failed: The file is not UTF-8.", "失败: The file is not UTF-8.")]
    [InlineData("zh-Hans", "audit detail", "wrong password", "密码错误")]
    [InlineData("zh-Hans", "audit detail", "revision 3: Add the numbers.", "修订版 3: Add the numbers.")]
    [InlineData("zh-Hans", "audit detail", "Contributor, Trainer", "贡献者、培训师")]
    [InlineData("zh-Hans", "audit detail", "Call back, then write", "Call back, then write")]
    [InlineData("zh-Hans", "audit target", "Playbook #12 Confirm the budget", "最佳实践手册 #12 Confirm the budget")]
    [InlineData("zh-Hans", "audit target", "course #4", "课程 #4")]
    [InlineData("zh-Hans", "Source", "referral", "转介绍")]
    [InlineData("zh-Hans", "Source", "trade_fair", "Trade fair")]
    [InlineData("zh-Hans", "Industry", "retail", "零售")]
    [InlineData("zh-Hans", "Region", "华东", "华东")]
    [InlineData("en", "Source", "PARTNER", "Partner")]
    [InlineData("en", "Source", "cold_call_list", "Cold call list")]
    [InlineData("en", "Region", "north_east", "north_east")]
    public void ACode_IsNamedInTheReadersLanguage(string culture, string kind, string code, string expected) =>
        InCulture(culture, names => Assert.Equal(expected, kind switch
        {
            "stage" => names.Stage(code),
            "category" => names.Category(code),
            "industry" => names.Industry(code),
            "role" => names.Role(code),
            "import kind" => names.ImportKindName(Enum.Parse<ImportKind>(code)),
            "person" => names.Person(code),
            "change note" => names.ChangeNote(code),
            "audit detail" => names.AuditDetail(code),
            "audit target" => names.AuditTarget(code),
            _ => names.MixCategory(kind, code), // a deal-mix dimension
        }));

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
    public void AnImportsAuditDetail_IsShownInTheReadersLanguage() => InCulture("zh-Hans", names =>
    {
        var applied = new ImportReport { Kind = ImportKind.ServiceCases, Mode = ImportMode.AllOrNothing, Rows = 12, Inserted = 10, Updated = 2, Applied = true };
        var mapped = new ImportReport { Kind = ImportKind.Reps, Mode = ImportMode.ValidRowsOnly, DryRun = true, Rows = 3, Mapping = "hubspot-owners", Filtered = 1 };

        Assert.Equal("成功: 服务工单: 12 行，新增 10，更新 2，未变化 0，拒绝 0，问题 0 个 — 已应用",
            names.AuditDetail($"{ImportStatus.Succeeded}: {applied.Summary()}"));
        Assert.Equal("已预览: 销售: 3 行，新增 0，更新 0，未变化 0，拒绝 0，问题 0 个; 映射 hubspot-owners 略过 1 行 — 试运行，未应用任何内容",
            names.AuditDetail($"{ImportStatus.Previewed}: {mapped.Summary()}"));
        Assert.Equal("失败: 已取消；未应用任何数据。", names.AuditDetail($"{ImportStatus.Failed}: {ImportMessages.Cancelled}"));
    });

    [Fact]
    public async Task ATasksTitle_IsWrittenFromItsKindAndStage_InTheReadersLanguage()
    {
        await factory.WithDbAsync(async db =>
        {
            db.SalesStages.Add(new SalesStage("demo_visit", "Product demo", "产品演示", 11));
            return await db.SaveChangesAsync();
        });

        InCulture("zh-Hans", names =>
        {
            Assert.Equal("经验采集请求：您在 产品演示 阶段的做法", names.TaskTitle(CaptureRequestService.TaskKind, "demo_visit", "Capture request: your method at demo_visit"));
            Assert.Equal("经验采集请求：您在 报价 阶段的做法", names.TaskTitle(CaptureRequestService.TaskKind, "quote", "Capture request: your method at Quotation"));
            Assert.Equal("Read the new pricing rules", names.TaskTitle("announcement", null, "Read the new pricing rules"));
        });
        InCulture("en", names =>
        {
            Assert.Equal("Capture request: your method at Product demo", names.TaskTitle(CaptureRequestService.TaskKind, "demo_visit", "经验采集请求：您在 demo_visit 阶段的做法"));
            Assert.Equal("Capture request: your method at Site walk", names.TaskTitle(CaptureRequestService.TaskKind, "site_walk", "Capture request"));
        });
    }

    [Fact]
    public void APresetsTitle_IsItsVendorAndItsTranslatedTitle_TheVendorsFileNameApart() => InCulture("zh-Hans", (_, l) =>
    {
        var preset = MappingPresets.Find("salesforce-opportunity-history")!;
        var cases = MappingPresets.Find("salesforce-cases")!;
        var saved = preset with { Name = "our-history", Title = "Our history export" };

        Assert.Equal("Salesforce：机会历史", l.Title(preset));
        Assert.Equal("OpportunityHistory (Data Loader)", preset.File);
        Assert.Equal("工单评论", l.Title(cases.Companions.Single()));
        Assert.Equal("CaseComment", cases.Companions.Single().File);
        Assert.Equal("Our history export", l.Title(saved));
    });

    [Fact]
    public void APresetsTitle_InEnglish_NamesTheVendorFirst() => InCulture("en", (_, l) =>
        Assert.Equal("Dynamics 365: Cases with resolutions and activities", l.Title(MappingPresets.Find("dynamics365-incidents")!)));

    [Fact]
    public void TheInsightsSentences_AreReadBackInTheReadersLanguage_WithTheirNumbers()
    {
        var promoted = InsightMessages.Format(InsightMessages.Promoted, 7, "FastTree", 0.81234, 3, 128);
        var notEnough = InsightMessages.Format(InsightMessages.NotEnoughDataKeepsServing, InsightMessages.Format(InsightMessages.TooFewRows, 40, 200));
        var training = InsightMessages.Format(InsightMessages.Training, 42085);
        var rejected = InsightMessages.Format(InsightMessages.NotPromoted,
            InsightMessages.Format(InsightMessages.AucTooLow, 0.70126, 4, 0.7513, 0.02));

        InCulture("zh-Hans", names =>
        {
            Assert.Equal("模型 v7（FastTree，AUC 0.812）已启用；128 个销售 × 阶段组合中有 3 个表现突出。", names.InsightMessage(promoted));
            Assert.Equal("数据不足（只有 40 条阶段记录，至少需要 200 条）；继续使用之前的结论。", names.InsightMessage(notEnough));
            Assert.Equal("正在用 42,085 条已结束的阶段记录训练", names.InsightMessage(training));
            Assert.Equal("新模型未启用（未采用：AUC 0.7013 比正在使用的 v4（0.7513）低了超过 0.0200）；继续使用之前的模型。", names.InsightMessage(rejected));
            Assert.Equal("正在训练和交叉验证（13 秒）", names.InsightMessage(InsightMessages.Format(InsightMessages.CrossValidating, 12.6)));
            Assert.Equal("仅靠前一半数据不够：只有一种结果（没有任何记录推进到下一阶段）",
                names.InsightMessage(InsightMessages.Format(InsightMessages.EarlierHalfNotEnough, InsightMessages.NoneAdvanced)));
            Assert.Equal("Disk full", names.InsightMessage("Disk full"));
            Assert.Equal("模型 v2（各阶段的基准比率，AUC 0.500）已启用；40 个销售 × 阶段组合中有 0 个表现突出。",
                names.InsightMessage(InsightMessages.Format(InsightMessages.Promoted, 2, ExpectedOutcomeModel.BaseRateTrainer, 0.5, 0, 40)));
            Assert.Equal("LightGbm", names.Trainer("LightGbm"));
        });
        InCulture("en", names =>
        {
            Assert.Equal("Model v7 (FastTree, AUC 0.812) serves; standouts: 3 of 128 rep × stage pairs.", names.InsightMessage(promoted));
            Assert.Equal("Not enough data (only 40 stage history rows; at least 200 are needed); the previous findings keep serving.", names.InsightMessage(notEnough));
            Assert.Equal("Training on 42,085 closed stage entries", names.InsightMessage(training));
            Assert.Equal("Each stage's base rate", names.Trainer(ExpectedOutcomeModel.BaseRateTrainer));
        });
    }

    /// <summary>
    /// Every sentence of the import catalogue, composed with sample values, reads back to its own format and values: the
    /// same English on an English page, its Chinese (a different text) on a Chinese one, the values kept as written.
    /// </summary>
    [Fact]
    public void EveryImportSentence_ReadsBackToItsFormat_InEitherLanguage()
    {
        var samples = ImportMessages.All.Select(format => (Format: format, Arguments: SampleArguments(format))).ToList();

        InCulture("en", names =>
        {
            foreach (var (format, arguments) in samples)
            {
                var stored = ImportMessages.Format(format, arguments);
                Assert.Equal(stored, names.ImportMessage(stored));
            }
        });
        InCulture("zh-Hans", (names, l) =>
        {
            foreach (var (format, arguments) in samples)
            {
                var stored = ImportMessages.Format(format, arguments);
                var chinese = names.ImportMessage(stored);
                Assert.Equal(l[format, arguments].Value, chinese);
                Assert.NotEqual(stored, chinese);
                Assert.All(arguments.OfType<string>(), value => Assert.Contains(value, chinese, StringComparison.Ordinal));
            }
        });

        // Counts are numbers; anything else (a name, a value, a line) a word that appears nowhere in the formats.
        static object[] SampleArguments(string format) => [.. Enumerable.Range(0, SentenceFormats.Arguments(format))
            .Select(i => format.Contains($"{{{i}:N0}}", StringComparison.Ordinal) ? (object)(1234 + i) : $"x{i}q")];
    }

    [Fact]
    public void AnImportSentence_WithASentenceInside_IsReadBackWhole_AndCountsAreTheReadersNumbers()
    {
        var failed = ImportMessages.Format(ImportMessages.Failed, ImportMessages.Format(ImportMessages.FileTooLarge, 50));
        var companion = ImportMessages.Format(ImportMessages.CompanionProblem, "comments.csv", "comments: Case comments",
            ImportMessages.Format(ImportMessages.AtLine, 3, ImportMessages.RowNotUtf8));
        var stopped = ImportMessages.Format(ImportMessages.Stopped, 120000, 300000);

        InCulture("zh-Hans", names =>
        {
            Assert.Equal("失败；未应用任何数据：文件超过了 50 MB 的上限。", names.ImportMessage(failed));
            Assert.Equal("文件 comments.csv（comments: Case comments）：第 3 行：此行不是有效的 UTF-8。请将文件另存为 UTF-8。", names.ImportMessage(companion));
            Assert.Equal("已在应用 300,000 行中的 120,000 行后停止；其余行将在门户下次启动时应用。", names.ImportMessage(stopped));
            Assert.Equal("太长：1,234 个字符，最多 500 个。", names.ImportMessage("Too long: 1234 characters, at most 500."));
            Assert.Equal("“O'Brien”不是电子邮件地址。", names.ImportMessage("'O'Brien' is not an email address."));
            Assert.Equal("Some parser's own words.", names.ImportMessage("Some parser's own words."));
        });
        InCulture("en", names => Assert.Equal("Stopped after 120,000 of 300,000 rows were applied; the rest are applied when the portal next starts.",
            names.ImportMessage(stopped)));
    }

    private void InCulture(string culture, Action<DisplayNames> check) => InCulture(culture, (names, _) => check(names));

    private void InCulture(string culture, Action<DisplayNames, IStringLocalizer<SharedResource>> check)
    {
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            using var scope = factory.Services.CreateScope();
            check(scope.ServiceProvider.GetRequiredService<DisplayNames>(), scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>());
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format);
        }
    }
}
