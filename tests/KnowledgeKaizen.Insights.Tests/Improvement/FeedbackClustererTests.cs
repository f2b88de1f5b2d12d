using KnowledgeKaizen.Insights.Improvement;

namespace KnowledgeKaizen.Insights.Tests.Improvement;

public sealed class FeedbackClustererTests
{
    private static readonly string[][] Themes =
    [
        ["The invoice {0} has the wrong amount", "Invoice {0} was billed twice", "Our invoice {0} shows a wrong tax rate", "Billing error on invoice {0}, please correct the invoice"],
        ["Delivery of order {0} is late again", "Order {0} arrived two weeks late", "Late delivery: order {0} still not shipped", "The delivery date for order {0} was missed"],
        ["发票{0}金额错误，请尽快更正", "发票{0}开错了，税率不对", "发票错误：发票{0}重复开具", "我们收到的发票{0}有错误"],
        ["订单{0}交付延迟，至今未到货", "交付延迟，订单{0}晚了两周", "订单{0}的交付日期又推迟了", "交付延迟太严重，订单{0}还没发货"],
    ];

    [Fact]
    public void Cluster_KnownThemesInTwoLanguages_AreRecoveredWithHighPurity()
    {
        var random = new Random(5);
        var items = new List<ClusterInput>();
        var truth = new List<int>();
        for (var i = 0; i < 240; i++)
        {
            var theme = i % Themes.Length;
            var template = Themes[theme][random.Next(Themes[theme].Length)];
            items.Add(new ClusterInput(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, random.Next(10000, 99999)), new DateTime(2026, 1 + (i % 6), 1)));
            truth.Add(theme);
        }

        var result = FeedbackClusterer.Cluster(items, minK: 2, maxK: 8);

        var purity = result.Clusters.Sum(c => c.Members.GroupBy(m => truth[m]).Max(g => g.Count())) / (double)items.Count;
        Assert.True(purity >= 0.9, $"purity {purity:F2} with k = {result.K}");
        Assert.Contains(result.Clusters, c => c.TopTerms.Any(t => t.Contains("invoice", StringComparison.Ordinal)));
        Assert.Contains(result.Clusters, c => c.TopTerms.Any(t => t.Contains("发票", StringComparison.Ordinal) || t.Contains("票", StringComparison.Ordinal)));
    }

    [Fact]
    public void Cluster_TooFewTexts_FindsNothing() =>
        Assert.Empty(FeedbackClusterer.Cluster([new ClusterInput("late", DateTime.UtcNow)]).Clusters);
}
