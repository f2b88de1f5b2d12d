using KnowledgeKaizen.Core.Crm;
using KnowledgeKaizen.Search;
using KnowledgeKaizen.Search.Indexing;

namespace KnowledgeKaizen.Web.Tests.Search;

/// <summary>Writes content through the real services (so the outbox is filled as in production) and waits for search to see it.</summary>
internal static class SearchTestContent
{
    public const string ManagerEmail = "km@search.test";
    public const string AuthorEmail = "author@search.test";
    public const string StaffEmail = "staff@search.test";

    public static async Task<(string Manager, string Author, string Staff)> EnsureUsersAsync(PortalFactory factory) => (
        await factory.EnsureUserAsync(ManagerEmail, Roles.KnowledgeManager),
        await factory.EnsureUserAsync(AuthorEmail, Roles.Contributor),
        await factory.EnsureUserAsync(StaffEmail, Roles.Staff));

    /// <summary>Makes sure the three users exist, then signs <paramref name="email"/> in (one of them).</summary>
    public static async Task<HttpClient> SignedInAsync(PortalFactory factory, string email)
    {
        await EnsureUsersAsync(factory);
        return await factory.SignInAsync(email, PortalFactory.UserPassword);
    }

    /// <summary>Creates a document as the author; publishes it through review unless <paramref name="publish"/> is false.</summary>
    public static async Task<int> CreateAsync(PortalFactory factory, string title, string body, string language = "en",
        bool publish = true, DocumentKind kind = DocumentKind.Playbook, string[]? tags = null)
    {
        var (_, authorId, _) = await EnsureUsersAsync(factory);
        return await ContentScenario.PublishedDocumentAsync(factory.Services, kind, title, body,
            new DocumentMetadata { Tags = tags ?? [], Stages = ["propose"] }, new Actor(authorId, "author", false), language, publish);
    }

    public static async Task AddFeedbackAsync(PortalFactory factory, string text)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        db.Feedback.Add(new CustomerFeedback(null, FeedbackChannel.Email, FeedbackType.Complaint, text, new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), category: "delivery"));
        await db.SaveChangesAsync();
    }

    public static async Task<string> SearchHtmlAsync(HttpClient client, string query, string extra = "")
    {
        var response = await client.GetAsync("/Search?q=" + Uri.EscapeDataString(query) + extra);
        return await response.BodyAsync(HttpStatusCode.OK);
    }

    /// <summary>
    /// Waits until the indexer has made document <paramref name="documentId"/> findable by <paramref name="query"/>,
    /// then searches once as <paramref name="reader"/> and returns the page, which must link to the document.
    /// </summary>
    public static Task<string> FoundAsync(PortalFactory factory, HttpClient reader, string query, int documentId) =>
        FoundAsync(factory, reader, query, IsDocument(documentId), $"document {documentId}", LinkTo(documentId));

    /// <summary>Like <see cref="FoundAsync(PortalFactory, HttpClient, string, int)"/> for a customer-feedback record.</summary>
    public static Task<string> FeedbackFoundAsync(PortalFactory factory, HttpClient reader, string query) =>
        FoundAsync(factory, reader, query, hit => hit.Type == FeedbackDocumentType, "customer feedback", "data-type=\"feedback\"");

    /// <summary>
    /// Waits until the indexer has applied every write so far (the outbox is empty, so the document is in its latest
    /// state, not an earlier draft) and the document is findable, asking the index itself with an unrestricted
    /// reader: the wait is neither logged as a user's search (it must not feed the analytics under test) nor
    /// filtered by roles.
    /// </summary>
    public static Task IndexedAsync(PortalFactory factory, string query, int documentId) =>
        IndexedAsync(factory, query, IsDocument(documentId), $"document {documentId}");

    public static string LinkTo(int documentId) => $"key={documentId.ToString(CultureInfo.InvariantCulture)}\"";

    private const string FeedbackDocumentType = "feedback";

    private static Func<SearchHit, bool> IsDocument(int id) =>
        hit => hit.Type != FeedbackDocumentType && hit.Key == id.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> FoundAsync(PortalFactory factory, HttpClient reader, string query, Func<SearchHit, bool> wanted, string what, string expected)
    {
        await IndexedAsync(factory, query, wanted, what);
        var html = await SearchHtmlAsync(reader, query);
        Assert.True(html.Contains(expected, StringComparison.Ordinal),
            $"{what} is in the index but the search page for '{query}' does not show it; the page showed: " +
            string.Join(" | ", Regex.Matches(html, "data-testid=\"search-(?:hit-link|notice|empty)\"[^>]*>(.*?)</").Select(m => m.Groups[1].Value)));
        return html;
    }

    private static Task IndexedAsync(PortalFactory factory, string query, Func<SearchHit, bool> wanted, string what)
    {
        var index = factory.Services.GetRequiredService<ISearchIndex>();
        return Eventually.ThatAsync($"the indexer to apply the outbox and make {what} findable by '{query}'",
            async () =>
            {
                using var scope = factory.Services.CreateScope();
                var pending = (await scope.ServiceProvider.GetRequiredService<SearchIndexMaintenance>().ReportAsync()).PendingOutbox;
                return (Pending: pending, Result: index.Search(new SearchRequest { Text = query, Reader = SearchReader.Unrestricted }));
            },
            state => state.Pending == 0 && state.Result.Hits.Any(wanted),
            describe: state => $"{state.Pending} outbox entries pending; hits: " +
                (state.Result.Hits.Count == 0 ? "none" : string.Join(", ", state.Result.Hits.Select(h => $"{h.Type}/{h.Key} ({h.Status})"))));
    }
}
