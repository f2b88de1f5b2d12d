using KnowledgeKaizen.Core.Identity;

namespace KnowledgeKaizen.Core.Tests.Knowledge;

/// <summary>A fresh in-memory SQLite database per test, with a settable clock.</summary>
public sealed class KnowledgeTestDatabase : IDisposable
{
    private readonly InMemoryDatabase database = new();

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public static Actor Author { get; } = new("author-1", "Li Na", false);

    public static Actor OtherContributor { get; } = new("author-2", "Wang Wei", false);

    public static Actor Manager { get; } = new("manager-1", "Zhou Min", true);

    /// <summary>The user id of the member of staff who takes the courses.</summary>
    public const string Learner = "learner-1";

    public KnowledgeKaizenDbContext NewContext() => database.NewContext();

    public KnowledgeService Service(KnowledgeKaizenDbContext db) => new(db, Clock);

    public async Task AddUserAsync(string id, string email)
    {
        await using var db = NewContext();
        db.Users.Add(new AppUser { Id = id, Email = email, NormalizedEmail = email.ToUpperInvariant(), UserName = email, DisplayName = email.Split('@')[0] });
        await db.SaveChangesAsync();
    }

    /// <summary>A playbook draft by <see cref="Author"/>, saved.</summary>
    public async Task<int> NewPlaybookAsync(string title = "Two-visit discovery", string body = "## Situation\n\nFirst text.\n")
    {
        await using var db = NewContext();
        var document = await Service(db).CreateAsync(DocumentKind.Playbook, "en", null, title, body,
            new DocumentMetadata { Stages = ["discover"], Improves = ["discovery-visit#step-3"] }, Author);
        return document.Id;
    }

    public void Dispose() => database.Dispose();
}
