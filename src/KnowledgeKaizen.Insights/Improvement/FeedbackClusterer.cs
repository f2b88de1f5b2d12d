using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>
/// Groups complaints by topic with ML.NET: <c>FeaturizeText</c> (word unigrams and character trigrams, L2 norm)
/// then KMeans. Character n-grams make Chinese work without word segmentation (发票错误 shares 发票/票错 with
/// 发票金额错误). k is chosen by the mean silhouette on a seeded sample, so the number of problems is found in
/// the data rather than fixed.
/// </summary>
public static class FeedbackClusterer
{
    public const int SilhouetteSample = 400;

    private sealed class TextRow
    {
        public string Text { get; set; } = string.Empty;
    }

    private sealed class Featurised
    {
        public VBuffer<float> Features { get; set; }
    }

    public static ClusteringResult Cluster(IReadOnlyList<ClusterInput> items, int minK = 3, int maxK = 14, int seed = 7,
        Func<double, Task>? progress = null)
    {
        if (items.Count < minK * 2)
        {
            return new ClusteringResult(0, 0, []);
        }

        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(items.Select(i => new TextRow { Text = SpaceCjk(i.Text) }));
        var options = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepNumbers = false,
            KeepPunctuations = false,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
            StopWordsRemoverOptions = new StopWordsRemovingEstimator.Options { Language = TextFeaturizingEstimator.Language.English },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var featurizer = ml.Transforms.Text.FeaturizeText("Features", options, nameof(TextRow.Text)).Fit(data);
        var features = featurizer.Transform(data);
        var vectors = ml.Data.CreateEnumerable<Featurised>(features, reuseRowObject: false).Select(f => Sparse(f.Features)).ToList();
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        features.Schema["Features"].GetSlotNames(ref slotNames);
        var names = slotNames.DenseValues().Select(n => n.ToString()).ToArray();

        var sampler = new Random(seed);
        var sample = (List<int>)[.. Enumerable.Range(0, vectors.Count).OrderBy(_ => sampler.Next()).Take(SilhouetteSample).Order()];

        (int K, double Score, int[] Assignment) best = (0, double.MinValue, []);
        var upper = Math.Min(maxK, vectors.Count / 2);
        for (var k = minK; k <= upper; k++)
        {
            var model = ml.Clustering.Trainers.KMeans("Features", numberOfClusters: k).Fit(features);
            var predicted = model.Transform(features).GetColumn<uint>("PredictedLabel").Select(l => (int)l - 1).ToArray();
            var score = Silhouette(vectors, predicted, sample);
            if (score > best.Score)
            {
                best = (k, score, predicted);
            }

            progress?.Invoke((double)(k - minK + 1) / (upper - minK + 1)).GetAwaiter().GetResult();
        }

        return new ClusteringResult(best.K, best.Score, Describe(vectors, names, best.Assignment, best.K));
    }

    /// <summary>Top terms: slots whose mean weight in the cluster most exceeds their mean weight overall.</summary>
    private static List<FoundCluster> Describe(List<Dictionary<int, float>> vectors, string[] names, int[] assignment, int k)
    {
        var overall = Mean(vectors, Enumerable.Range(0, vectors.Count).ToList());
        var clusters = new List<FoundCluster>();
        for (var c = 0; c < k; c++)
        {
            var members = Enumerable.Range(0, assignment.Length).Where(i => assignment[i] == c).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var mean = Mean(vectors, members);
            var terms = mean.Select(kv => (Slot: kv.Key, Lift: kv.Value - overall.GetValueOrDefault(kv.Key)))
                .OrderByDescending(x => x.Lift).Select(x => Term(names, x.Slot)).Where(Readable)
                .Distinct().Take(6).ToList();
            var examples = members.OrderByDescending(i => Dot(vectors[i], mean)).Take(3).ToList();
            clusters.Add(new FoundCluster(c + 1, terms, members, examples));
        }

        return clusters;
    }

    /// <summary>
    /// Slot names look like "Word.invoice", "Word.发|票" (a word bigram) or "Char.发|票|金" (a character
    /// trigram); the kind is dropped, n-gram separators and ML.NET's boundary markers removed.
    /// </summary>
    internal static string Term(string[] names, int slot)
    {
        var name = slot < names.Length ? names[slot] : string.Empty;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var kind = dot > 0 ? name[..dot] : string.Empty;
        var gram = dot > 0 ? name[(dot + 1)..] : name;
        var parts = gram.Split('|').Select(p => p is "<␂>" or "<␃>" or "<␟>" ? " " : p);
        var cjk = gram.Any(IsCjk);
        var term = string.Join(kind == "Word" && !cjk ? " " : string.Empty, parts).Trim();
        return cjk ? term.Replace(" ", string.Empty, StringComparison.Ordinal) : term;
    }

    /// <summary>A label term: Chinese of two or more characters, or Latin text of three or more (not a trigram fragment like "nt").</summary>
    private static bool Readable(string term) => term.Any(IsCjk) ? term.Length >= 2 : term.Length >= 3 && term.Any(char.IsLetter);

    /// <summary>Chinese has no spaces: each CJK character becomes a "word", so word bigrams are character bigrams (发票, 延迟).</summary>
    internal static string SpaceCjk(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                builder.Append(' ').Append(c).Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static Dictionary<int, float> Sparse(VBuffer<float> buffer)
    {
        var result = new Dictionary<int, float>();
        foreach (var (index, value) in buffer.Items())
        {
            if (value != 0)
            {
                result[index] = value;
            }
        }

        return result;
    }

    private static Dictionary<int, float> Mean(List<Dictionary<int, float>> vectors, List<int> members)
    {
        var sum = new Dictionary<int, float>();
        foreach (var i in members)
        {
            foreach (var (slot, value) in vectors[i])
            {
                sum[slot] = sum.GetValueOrDefault(slot) + (value / members.Count);
            }
        }

        return sum;
    }

    private static double Dot(Dictionary<int, float> a, Dictionary<int, float> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        return small.Sum(kv => kv.Value * (double)large.GetValueOrDefault(kv.Key));
    }

    /// <summary>Mean silhouette on the sample; vectors are L2-normalised, so distance² = 2 − 2·cosine.</summary>
    internal static double Silhouette(List<Dictionary<int, float>> vectors, int[] assignment, List<int> sample)
    {
        double total = 0;
        foreach (var i in sample)
        {
            var byCluster = new Dictionary<int, (double Sum, int Count)>();
            foreach (var j in sample)
            {
                if (i == j)
                {
                    continue;
                }

                var distance = Math.Sqrt(Math.Max(0, 2 - (2 * Dot(vectors[i], vectors[j]))));
                var entry = byCluster.GetValueOrDefault(assignment[j]);
                byCluster[assignment[j]] = (entry.Sum + distance, entry.Count + 1);
            }

            if (!byCluster.TryGetValue(assignment[i], out var own) || own.Count == 0)
            {
                continue;
            }

            var a = own.Sum / own.Count;
            var others = byCluster.Where(kv => kv.Key != assignment[i]).Select(kv => kv.Value.Sum / kv.Value.Count).ToList();
            var b = others.Count == 0 ? a : others.Min();
            total += Math.Max(a, b) == 0 ? 0 : (b - a) / Math.Max(a, b);
        }

        return sample.Count == 0 ? 0 : total / sample.Count;
    }
}
