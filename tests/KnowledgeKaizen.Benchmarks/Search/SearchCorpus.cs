using KnowledgeKaizen.Core.Markdown;
using KnowledgeKaizen.Search.Indexing;
using KnowledgeKaizen.Search;

namespace KnowledgeKaizen.Benchmarks.Search;

/// <summary>
/// A deterministic sales-and-service corpus: document i is generated from seed i, so the corpus can be
/// streamed twice (Lucene, then FTS5) without being held in memory.
/// </summary>
internal static class SearchCorpus
{
    private static readonly MarkdownRenderer Markdown = new();

    public static readonly string[] Types = ["playbook", "procedure", "solution", "case", "feedback"];
    public static readonly string[] Stages = ["lead", "qualify", "discovery", "proposal", "quote", "negotiate", "close", "onboarding", "renewal", "support"];
    public static readonly string[] Statuses = ["published", "published", "published", "standardised", "draft", "in-review", "archived"];

    public static readonly string[] EnglishWords =
    [
        "customer", "conversion", "converted", "pipeline", "opportunity", "quote", "pricing", "discount", "renewal", "churn",
        "complaint", "escalation", "resolution", "ticket", "follow-up", "call", "email", "meeting", "demo", "proposal",
        "budget", "decision", "stakeholder", "objection", "competitor", "contract", "signature", "approval", "forecast", "quota",
        "territory", "account", "onboarding", "training", "feedback", "survey", "satisfaction", "response", "cycle", "stage",
        "qualification", "discovery", "negotiation", "closing", "handover", "invoice", "payment", "refund", "warranty", "delivery",
        "installation", "configuration", "integration", "report", "dashboard", "metric", "target", "lead", "prospect", "referral",
        "upsell", "cross-sell", "retention", "loyalty", "relationship", "trust", "value", "benefit", "risk", "timeline",
        "checklist", "template", "script", "question", "answer", "listen", "summarise", "confirm", "schedule", "reminder",
    ];

    public static readonly string[] Fillers =
    [
        "the", "a", "we", "always", "then", "before", "after", "with", "for", "to", "and", "when", "our", "every", "each",
        "team", "rep", "manager", "week", "day", "first", "next", "clearly", "quickly", "carefully", "usually", "only",
    ];

    public static readonly string[] ChineseWords =
    [
        "客户", "转化率", "商机", "报价", "价格", "折扣", "续约", "客户流失", "投诉", "投诉处理", "升级", "解决方案", "工单", "回访",
        "电话", "邮件", "会议", "演示", "方案", "预算", "决策", "竞争对手", "合同", "签字", "审批", "预测", "销售", "团队",
        "培训", "评价", "满意度", "响应", "周期", "阶段", "谈判", "成交", "交付", "发票", "付款", "退款", "安装", "配置",
        "报表", "指标", "目标", "线索", "推荐", "信任", "价值", "风险", "标准流程", "持续改善", "最佳实践", "经验",
    ];

    public static readonly string[] ChineseFillers = ["我们", "每次", "首先", "然后", "需要", "可以", "通过", "提高", "记录", "确认", "及时", "认真", "的", "在", "和", "把"];

    public static IEnumerable<SearchDocument> Documents(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Document(i);
        }
    }

    public static SearchDocument Document(int i)
    {
        var random = new Random(1_000_003 * (i + 1));
        var chinese = i % 5 == 0;
        var type = Types[random.Next(Types.Length)];
        var stages = new[] { Stages[random.Next(Stages.Length)], Stages[random.Next(Stages.Length)] }.Distinct().ToArray();
        var words = chinese ? ChineseWords : EnglishWords;
        var tags = Enumerable.Range(0, 3).Select(_ => words[random.Next(words.Length)]).Distinct().ToArray();
        var title = chinese
            ? $"{Pick(random, ChineseWords)}{Pick(random, ChineseWords)}的{Pick(random, ChineseWords)}方法"
            : $"{Capital(Pick(random, EnglishWords))} {Pick(random, EnglishWords)} {Pick(random, ["checklist", "playbook", "guide", "tips", "steps", "fix"])}";
        return new SearchDocument
        {
            Type = type,
            Key = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title = title,
            Body = chinese ? ChineseBody(random) : EnglishBody(random),
            Tags = tags,
            Stages = stages,
            Status = Pick(random, Statuses),
            Author = $"rep{random.Next(200):000}",
            UpdatedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(24 * 900)),
            Helpfulness = random.Next(-3, 15),
            Url = $"/{type}s/{i}",
            Visibility = random.Next(10) == 0 ? new SearchVisibility(["KnowledgeManager"], [$"user{random.Next(500)}"]) : SearchVisibility.ForRoles("Staff", "Contributor", "Trainer", "KnowledgeManager"),
        };
    }

    /// <summary>The documents as the portal hands them to the engine: in batches, through its one Markdown pipeline.</summary>
    public static IEnumerable<SearchDocument> Indexed(int count) =>
        Documents(count).Chunk(500).SelectMany(batch => SearchPlainText.Of(batch, Markdown));

    public static SearchDocument Plain(SearchDocument document) => SearchPlainText.Of(document, Markdown);

    private static string EnglishBody(Random random)
    {
        var sb = new StringBuilder(2400);
        var sections = random.Next(3, 5);
        for (var s = 0; s < sections; s++)
        {
            sb.Append("## ").Append(Capital(Pick(random, EnglishWords))).Append(' ').Append(Pick(random, EnglishWords)).Append($" {{#step-{s + 1}}}\n\n");
            for (var sentence = 0; sentence < 6; sentence++)
            {
                var length = random.Next(8, 16);
                for (var w = 0; w < length; w++)
                {
                    var word = random.Next(3) == 0 ? Pick(random, Fillers) : Pick(random, EnglishWords);
                    sb.Append(w == 0 ? Capital(word) : word);
                    if (w == 3 && random.Next(6) == 0)
                    {
                        sb.Append(" **").Append(Pick(random, EnglishWords)).Append("**");
                    }

                    sb.Append(w == length - 1 ? ". " : " ");
                }
            }

            sb.Append("\n\n- ").Append(Pick(random, EnglishWords)).Append(" [see the ").Append(Pick(random, EnglishWords)).Append(" guide](https://intranet.example/kb/").Append(random.Next(9999)).Append(")\n\n");
        }

        return sb.ToString();
    }

    private static string ChineseBody(Random random)
    {
        var sb = new StringBuilder(1600);
        var sections = random.Next(3, 5);
        for (var s = 0; s < sections; s++)
        {
            sb.Append("## ").Append(Pick(random, ChineseWords)).Append(Pick(random, ChineseWords)).Append($" {{#step-{s + 1}}}\n\n");
            for (var sentence = 0; sentence < 6; sentence++)
            {
                var length = random.Next(8, 14);
                for (var w = 0; w < length; w++)
                {
                    sb.Append(random.Next(3) == 0 ? Pick(random, ChineseFillers) : Pick(random, ChineseWords));
                    if (random.Next(25) == 0)
                    {
                        sb.Append(" CRM ");
                    }
                }

                sb.Append('。');
            }

            sb.Append("\n\n- **").Append(Pick(random, ChineseWords)).Append("**：").Append(Pick(random, ChineseWords)).Append("\n\n");
        }

        return sb.ToString();
    }

    private static string Pick(Random random, string[] from) => from[random.Next(from.Length)];

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
