using KnowledgeKaizen.Testing;

namespace KnowledgeKaizen.Search.Tests;

/// <summary>Small documents and readers shared by the tests.</summary>
internal static class Docs
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly SearchReader Staff = new("u-staff", ["Staff"]);

    public static SearchDocument Make(
        string key,
        string title,
        string body,
        string type = "playbook",
        string status = "published",
        string[]? tags = null,
        string[]? stages = null,
        string? author = "alice",
        string? language = null,
        SearchVisibility? visibility = null,
        int helpfulness = 0,
        DateTimeOffset? updated = null) => new()
        {
            Type = type,
            Key = key,
            Title = title,
            Body = body,
            Status = status,
            Tags = tags ?? [],
            Stages = stages ?? [],
            Author = author,
            Language = language,
            Visibility = visibility ?? SearchVisibility.ForRoles("Staff", "Contributor"),
            Helpfulness = helpfulness,
            UpdatedAt = updated ?? Now.AddDays(-30),
            Url = $"/{type}s/{key}",
        };

    public static LuceneSearchIndex IndexWith(params SearchDocument[] documents)
    {
        var index = LuceneSearchIndex.CreateInMemory(new ManualClock(Now));
        index.Upsert(documents);
        return index;
    }

    public static SearchResult Find(this ISearchIndex index, string text, SearchReader? reader = null) =>
        index.Search(new SearchRequest { Text = text, Reader = reader ?? Staff });

    public static string[] Keys(this SearchResult result) => [.. result.Hits.Select(h => h.Key)];
}
