using KnowledgeKaizen.Lexicon;
using Microsoft.ML.Data;

namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>
/// Groups complaints by topic: each complaint becomes TF-IDF weights over its whole words, word pairs and term-map
/// concepts (<see cref="ComplaintVocabulary"/>), L2-normalised, then ML.NET's KMeans. Because a concept is one word in
/// both languages, a Chinese and an English complaint about late deliveries share their main word and land together.
/// k is chosen by the mean silhouette on a seeded sample, so the number of problems is found in the data. Labels are
/// the most distinctive words or phrases held by a good share of the cluster, never fragments of words.
/// </summary>
public static class FeedbackClusterer
{
    public const int SilhouetteSample = 400;

    /// <summary>A label term must occur in at least this share of the cluster's complaints.</summary>
    private const double LabelSupport = 0.25;

    private const float ConceptWeight = 6f;

    private sealed class VectorRow
    {
        public VBuffer<float> Features { get; set; }
    }

    public static ClusteringResult Cluster(IReadOnlyList<ClusterInput> items, IWordSegmenter segmenter, TermMap terms, int minK = 3, int maxK = 14,
        int seed = 7, Func<double, Task>? progress = null)
    {
        if (items.Count < minK * 2)
        {
            return new ClusteringResult(0, 0, []);
        }

        var vocabulary = new ComplaintVocabulary(segmenter, terms);
        var tokens = items.Select(i => vocabulary.Tokens(i.Text)).ToList();
        var (vectors, names) = Weigh(tokens);
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(VectorRow));
        schema[nameof(VectorRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Math.Max(1, names.Length));
        var features = ml.Data.LoadFromEnumerable(vectors.Select(v => new VectorRow { Features = Buffer(v, Math.Max(1, names.Length)) }), schema);

        var sampler = new Random(seed);
        var sample = (List<int>)[.. Enumerable.Range(0, vectors.Count).OrderBy(_ => sampler.Next()).Take(SilhouetteSample).Order()];

        (int K, double Score, int[] Assignment) best = (0, double.MinValue, []);
        var upper = Math.Min(maxK, vectors.Count / 2);
        for (var k = minK; k <= upper; k++)
        {
            var model = ml.Clustering.Trainers.KMeans(nameof(VectorRow.Features), numberOfClusters: k).Fit(features);
            var predicted = model.Transform(features).GetColumn<uint>("PredictedLabel").Select(l => (int)l - 1).ToArray();
            var score = Silhouette(vectors, predicted, sample);
            if (score > best.Score)
            {
                best = (k, score, predicted);
            }

            progress?.Invoke((double)(k - minK + 1) / (upper - minK + 1)).GetAwaiter().GetResult();
        }

        return new ClusteringResult(best.K, best.Score, Describe(items, tokens, vectors, names, vocabulary, best.Assignment, best.K));
    }

    /// <summary>TF-IDF (smoothed idf) over tokens seen in at least two complaints, L2-normalised; slot names are the tokens.</summary>
    private static (List<Dictionary<int, float>> Vectors, string[] Names) Weigh(List<IReadOnlyList<string>> tokens)
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var distinct in tokens.Select(t => t.Distinct(StringComparer.Ordinal)))
        {
            foreach (var token in distinct)
            {
                documentFrequency[token] = documentFrequency.GetValueOrDefault(token) + 1;
            }
        }

        var names = documentFrequency.Where(kv => kv.Value >= 2).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();
        var slots = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var vectors = new List<Dictionary<int, float>>(tokens.Count);
        foreach (var text in tokens)
        {
            var vector = new Dictionary<int, float>();
            foreach (var token in text)
            {
                if (slots.TryGetValue(token, out var slot))
                {
                    vector[slot] = vector.GetValueOrDefault(slot) + Weight(token);
                }
            }

            foreach (var slot in vector.Keys.ToList())
            {
                vector[slot] *= (float)(Math.Log((1.0 + tokens.Count) / (1.0 + documentFrequency[names[slot]])) + 1);
            }

            var norm = (float)Math.Sqrt(vector.Values.Sum(v => v * v));
            foreach (var slot in vector.Keys.ToList())
            {
                vector[slot] /= norm == 0 ? 1 : norm;
            }

            vectors.Add(vector);
        }

        return (vectors, names);
    }

    /// <summary>
    /// A concept counts most: it is the one word both languages share, so it has to outweigh the words only one language
    /// uses, or the clusters split by language instead of by problem. Word pairs count least: they mostly repeat their words.
    /// </summary>
    private static float Weight(string token) =>
        token.Contains(' ', StringComparison.Ordinal) ? 0.5f : ComplaintVocabulary.HoldsConcept(token) ? ConceptWeight : 1f;

    private static VBuffer<float> Buffer(Dictionary<int, float> vector, int length)
    {
        var ordered = vector.OrderBy(kv => kv.Key).ToArray();
        return new VBuffer<float>(length, ordered.Length, [.. ordered.Select(kv => kv.Value)], [.. ordered.Select(kv => kv.Key)]);
    }

    /// <summary>
    /// Label terms: tokens a good share of the cluster holds, by how much more weight they carry there than overall;
    /// a concept is shown in each language the cluster's complaints are written in. Examples: the most central
    /// complaints, one per wording, both languages when the cluster has both.
    /// </summary>
    private static List<FoundCluster> Describe(IReadOnlyList<ClusterInput> items, List<IReadOnlyList<string>> tokens, List<Dictionary<int, float>> vectors,
        string[] names, ComplaintVocabulary vocabulary, int[] assignment, int k)
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

            var chineseShare = members.Count(m => items[m].Text.Any(ComplaintVocabulary.IsCjk)) / (double)members.Count;
            var languages = (English: chineseShare <= 0.9, Chinese: chineseShare >= 0.1);
            var mean = Mean(vectors, members);
            var support = members.SelectMany(m => tokens[m].Distinct(StringComparer.Ordinal)).GroupBy(t => t, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count() / (double)members.Count, StringComparer.Ordinal);
            var chosen = mean.Select(kv => (Token: names[kv.Key], Lift: kv.Value - overall.GetValueOrDefault(kv.Key)))
                .Where(x => support.GetValueOrDefault(x.Token) >= LabelSupport && ComplaintVocabulary.Readable(x.Token))
                .OrderByDescending(x => x.Lift)
                .Select(x => x.Token)
                .Take(4)
                .ToList();
            var terms = chosen.SelectMany(token => Shown(vocabulary, token, languages)).Distinct(StringComparer.Ordinal).Take(6).ToList();
            var label = chosen.Count == 0 ? "" : string.Join(" · ", Shown(vocabulary, chosen[0], languages));
            clusters.Add(new FoundCluster(c + 1, label, terms, members, Examples(items, vectors, members, mean, languages.English && languages.Chinese)));
        }

        return clusters;
    }

    /// <summary>A token as people read it: a concept once per language the cluster is written in, other words as written.</summary>
    private static IEnumerable<string> Shown(ComplaintVocabulary vocabulary, string token, (bool English, bool Chinese) languages)
    {
        if (!ComplaintVocabulary.HoldsConcept(token))
        {
            yield return vocabulary.Display(token, chinese: false);
            yield break;
        }

        if (languages.English)
        {
            yield return vocabulary.Display(token, chinese: false);
        }

        if (languages.Chinese)
        {
            yield return vocabulary.Display(token, chinese: true);
        }
    }

    private static List<int> Examples(IReadOnlyList<ClusterInput> items, List<Dictionary<int, float>> vectors, List<int> members,
        Dictionary<int, float> mean, bool bothLanguages)
    {
        var central = members.OrderByDescending(i => Dot(vectors[i], mean)).ToList();
        var examples = new List<int>(3);
        var wordings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chinese in bothLanguages ? new bool?[] { false, true, null } : [null])
        {
            foreach (var i in central)
            {
                if (examples.Count == 3 || (chinese is { } wanted && examples.Count >= (wanted ? 2 : 1)))
                {
                    break;
                }

                if ((chinese is null || items[i].Text.Any(ComplaintVocabulary.IsCjk) == chinese)
                    && wordings.Add(TextFolding.Fingerprint(items[i].Text) ?? items[i].Text) && !examples.Contains(i))
                {
                    examples.Add(i);
                }
            }
        }

        return examples;
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
