namespace KnowledgeKaizen.Benchmarks.Search;

/// <summary>One benchmark query: the user's text plus optional filters, expressible in both engines.</summary>
internal sealed record BenchQuery(string Text, string? Type, string? Stage, string Kind);

internal static class SearchQueries
{
    /// <summary>Mixed queries: 40 % one or two English words, 15 % phrases, 20 % Chinese, 5 % mixed, 20 % with filters.</summary>
    public static IReadOnlyList<BenchQuery> Generate(int count)
    {
        var random = new Random(7);
        var queries = new List<BenchQuery>(count);
        string En() => SearchCorpus.EnglishWords[random.Next(SearchCorpus.EnglishWords.Length)];
        string Zh() => SearchCorpus.ChineseWords[random.Next(SearchCorpus.ChineseWords.Length)];
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            queries.Add(roll switch
            {
                < 20 => new BenchQuery(En(), null, null, "term"),
                < 40 => new BenchQuery($"{En()} {En()}", null, null, "terms"),
                < 55 => new BenchQuery($"\"{En()} {En()}\"", null, null, "phrase"),
                < 70 => new BenchQuery(Zh(), null, null, "chinese"),
                < 75 => new BenchQuery($"{Zh()} {Zh()}", null, null, "chinese"),
                < 80 => new BenchQuery($"CRM {Zh()}", null, null, "mixed"),
                < 90 => new BenchQuery(En(), SearchCorpus.Types[random.Next(SearchCorpus.Types.Length)], null, "filtered"),
                _ => new BenchQuery($"{En()} {En()}", null, SearchCorpus.Stages[random.Next(SearchCorpus.Stages.Length)], "filtered"),
            });
        }

        return queries;
    }
}
