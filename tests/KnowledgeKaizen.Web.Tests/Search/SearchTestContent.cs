using System.Net;
using KnowledgeKaizen.Core.Crm;
using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Knowledge;
using KnowledgeKaizen.Testing;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>Creates a document as the author; publishes it through review unless <paramref name="publish"/> is false.</summary>
    public static async Task<int> CreateAsync(PortalFactory factory, string title, string body, string language = "en",
        bool publish = true, DocumentKind kind = DocumentKind.Playbook, string[]? tags = null)
    {
        var (managerId, authorId, _) = await EnsureUsersAsync(factory);
        using var scope = factory.Services.CreateScope();
        var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeService>();
        var author = new Actor(authorId, "author", false);
        var document = await knowledge.CreateAsync(kind, language, null, title, body,
            new DocumentMetadata { Tags = tags ?? [], Stages = ["propose"] }, author);
        if (publish)
        {
            await knowledge.SubmitAsync(document.Id, author);
            await knowledge.ApproveAsync(document.Id, null, null, new Actor(managerId, "km", true));
        }

        return document.Id;
    }

    public static async Task AddFeedbackAsync(PortalFactory factory, string text)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        db.Feedback.Add(new CustomerFeedback(null, FeedbackChannel.Email, FeedbackType.Complaint, text, DateTime.UtcNow, category: "delivery"));
        await db.SaveChangesAsync();
    }

    public static async Task<string> SearchHtmlAsync(HttpClient client, string query, string extra = "")
    {
        var response = await client.GetAsync("/Search?q=" + Uri.EscapeDataString(query) + extra);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Polls the search page until <paramref name="expected"/> shows up (the indexer runs about once a second).</summary>
    public static async Task<string> WaitForAsync(HttpClient client, string query, string expected, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        string html;
        do
        {
            html = await SearchHtmlAsync(client, query);
            if (html.Contains(expected, StringComparison.Ordinal))
            {
                return html;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        var hits = System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"search-(?:hit-link|notice|empty)\"[^>]*>(.*?)</").Select(m => m.Groups[1].Value);
        Assert.Fail($"'{expected}' was not found searching for '{query}' within the timeout; the page showed: {string.Join(" | ", hits)}");
        return html;
    }
}
