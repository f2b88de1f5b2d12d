using KnowledgeKaizen.Insights.Improvement;
using KnowledgeKaizen.Lexicon;
using KnowledgeKaizen.Search.Analysis;

namespace KnowledgeKaizen.Insights.Tests.Improvement;

/// <summary>Clustering on whole words and the shipped term map: one cluster per theme whatever the language, readable labels.</summary>
public sealed class FeedbackClustererTests : IDisposable
{
    // Three themes, each written in English and in Chinese; the wording is not the demo data's.
    private static readonly string[][] Themes =
    [
        [
            "Invoice {0} charges us twice for the same licence",
            "The amount on invoice {0} is wrong, please send a corrected invoice",
            "发票{0}的金额不对，请重新开具发票",
            "这张发票{0}开错了，抬头和税号都不对",
        ],
        [
            "Shipment {0} is late again and the customer is waiting",
            "Our order {0} arrived nine days late",
            "订单{0}延迟交货，客户一直在催",
            "订单{0}又是延迟交付，比约定晚了一周",
        ],
        [
            "The installer left before the installation of unit {0} was finished",
            "Installation of unit {0} failed, the technician had the wrong cable",
            "设备{0}的安装没有完成，安装人员就走了",
            "安装人员带错了线缆，设备{0}的安装拖了一天",
        ],
    ];

    private readonly SmartCnWordSegmenter _segmenter = new();
    private readonly TermMap _terms = TermMap.Parse(File.ReadAllText(Path.Combine(RepoPaths.Content, "terms.md"))).Map;

    [Fact]
    public void ThemesInTwoLanguages_LandInOneClusterEach()
    {
        var (items, truth) = Complaints(270, seed: 11);

        var result = FeedbackClusterer.Cluster(items, _segmenter, _terms, minK: 2, maxK: 8);

        var purity = result.Clusters.Sum(c => c.Members.GroupBy(m => truth[m]).Max(g => g.Count())) / (double)items.Count;
        Assert.True(purity >= 0.9, $"purity {purity:F2} with k = {result.K}: " + string.Join(" | ", result.Clusters.Select(c => c.Label)));
        for (var theme = 0; theme < Themes.Length; theme++)
        {
            var english = Enumerable.Range(0, items.Count).Count(i => truth[i] == theme && !items[i].Text.Any(ComplaintVocabulary.IsCjk));
            var chinese = Enumerable.Range(0, items.Count).Count(i => truth[i] == theme && items[i].Text.Any(ComplaintVocabulary.IsCjk));
            Assert.True(result.Clusters.Any(c =>
                    c.Members.Count(m => truth[m] == theme && !items[m].Text.Any(ComplaintVocabulary.IsCjk)) >= english / 5
                    && c.Members.Count(m => truth[m] == theme && items[m].Text.Any(ComplaintVocabulary.IsCjk)) >= chinese / 5),
                $"theme {theme}: no cluster holds its English and its Chinese complaints together; clusters: " + string.Join(" | ", result.Clusters.Select(c => $"{c.Label} ({c.Members.Count})")));
        }
    }

    [Fact]
    public void Labels_AreWholeWordsInBothLanguages_AndExamplesDiffer()
    {
        var (items, _) = Complaints(270, seed: 3);

        var result = FeedbackClusterer.Cluster(items, _segmenter, _terms, minK: 2, maxK: 8);

        // A cluster holding both languages names its concept in both: "installation · 安装".
        Assert.Contains(result.Clusters, c => c.Label.Split(" · ") is [var en, var zh] && !en.Any(ComplaintVocabulary.IsCjk) && zh.All(ComplaintVocabulary.IsCjk));
        Assert.Contains(result.Clusters, c => c.TopTerms.Contains("installation") && c.TopTerms.Contains("安装"));
        var words = _terms.Entries.SelectMany(e => e.All).Concat(items.SelectMany(i => _segmenter.Words(i.Text))).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(result.Clusters.SelectMany(c => c.TopTerms.SelectMany(t => t.Split(' '))), part =>
            Assert.True(words.Contains(part) || words.Contains(part + "s"), $"'{part}' is not a word of the complaints or the term map"));
        Assert.All(result.Clusters, c =>
            Assert.Equal(c.Examples.Count, c.Examples.Select(e => TextFolding.Fingerprint(items[e].Text)).Distinct().Count()));
    }

    [Fact]
    public void TooFewTexts_FindNothing() =>
        Assert.Empty(FeedbackClusterer.Cluster([new ClusterInput("late", DateTime.UtcNow)], _segmenter, _terms).Clusters);

    private static (List<ClusterInput> Items, List<int> Truth) Complaints(int count, int seed)
    {
        var random = new Random(seed);
        var items = new List<ClusterInput>();
        var truth = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var theme = i % Themes.Length;
            var template = Themes[theme][random.Next(Themes[theme].Length)];
            items.Add(new ClusterInput(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, random.Next(10000, 99999)), new DateTime(2026, 1 + (i % 6), 1)));
            truth.Add(theme);
        }

        return (items, truth);
    }

    public void Dispose() => _segmenter.Dispose();
}
