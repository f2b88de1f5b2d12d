using System.Text;
using KnowledgeKaizen.Core.Courses;

namespace KnowledgeKaizen.Browser.Tests.Sweep;

/// <summary>
/// What people and the CRM wrote — names, titles, texts, ids, file names — which any page may show as it is, in
/// whatever language it was written; and the name of everyone known by an e-mail address. Texts the portal composes
/// (stage names, categories, change notes, task titles, job messages) are deliberately not here: those must be
/// translated.
/// </summary>
public sealed class DataText
{
    private readonly string haystack;
    private readonly Dictionary<string, string> names;
    private readonly HashSet<string> tags;

    private DataText(string haystack, Dictionary<string, string> names, HashSet<string> tags) =>
        (this.haystack, this.names, this.tags) = (haystack, names, tags);

    /// <summary>A document tag: a keyword its author chose, shown as written (even when it reads like a code).</summary>
    public bool IsTag(string text) => tags.Contains(text);

    /// <summary>Whether the text appears in the data (a whole value or a part of one, e.g. a highlighted fragment).</summary>
    public bool Contains(string text) => haystack.Contains(text, StringComparison.Ordinal);

    public string? NameOf(string email) => names.GetValueOrDefault(email);

    public static async Task<DataText> LoadAsync(PortalFactory server) => await server.WithDbAsync(async db =>
    {
        var text = new StringBuilder();
        void Add(IEnumerable<string?> values)
        {
            foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
            {
                text.Append(value).Append('\n');
            }
        }

        var reps = await db.Reps.AsNoTracking().Select(r => new { r.ExternalId, r.Name, r.Email, r.Team, r.Region }).ToListAsync();
        Add(reps.SelectMany(r => new[] { r.ExternalId, r.Name, r.Email, r.Team, r.Region }));
        var users = await db.Users.AsNoTracking().Select(u => new { u.Email, u.DisplayName }).ToListAsync();
        Add(users.SelectMany(u => new[] { u.Email, u.DisplayName }));
        Add(await db.Customers.AsNoTracking().Select(c => c.Name).ToListAsync());
        Add(await db.Customers.AsNoTracking().Select(c => c.ExternalId).ToListAsync());
        Add(await db.Opportunities.AsNoTracking().Select(o => o.ExternalId).ToListAsync());
        var cases = await db.ServiceCases.AsNoTracking().Select(c => new { c.ExternalId, c.Subject, c.Description, c.Resolution }).ToListAsync();
        Add(cases.SelectMany(c => new[] { c.ExternalId, c.Subject, c.Description, c.Resolution }));
        var feedback = await db.Feedback.AsNoTracking().Select(f => new { f.ExternalId, f.Text, f.HandlingRecord }).ToListAsync();
        Add(feedback.SelectMany(f => new[] { f.ExternalId, f.Text, f.HandlingRecord }));
        var documents = await db.KnowledgeDocuments.AsNoTracking().ToListAsync();
        Add(documents.SelectMany(d => new[] { d.Title, d.Summary, d.Owner, d.AuthorName, d.Issue, d.Environment, d.Cause, d.EvidenceSnapshot }
            .Concat(d.Tags)));
        var revisions = await db.DocumentRevisions.AsNoTracking().Select(r => new { r.Title, r.Body }).ToListAsync();
        Add(revisions.SelectMany(r => new[] { r.Title, r.Body }));
        Add(await db.Set<ReviewComment>().AsNoTracking().Select(c => c.Comment).ToListAsync());
        Add(await db.DocumentFeedback.AsNoTracking().Select(f => f.Reason).ToListAsync());
        var courses = await db.Courses.AsNoTracking().Select(c => new { c.Title, c.Objectives }).ToListAsync();
        Add(courses.SelectMany(c => new[] { c.Title, c.Objectives }));
        var modules = await db.Set<CourseModule>().AsNoTracking().Select(m => new { m.Title, m.Notes }).ToListAsync();
        Add(modules.SelectMany(m => new[] { m.Title, m.Notes }));
        var questions = await db.Set<CourseQuestion>().AsNoTracking().ToListAsync();
        Add(questions.SelectMany(q => new[] { q.Prompt, q.Explanation }.Concat(q.Options)));
        var cycles = await db.ImprovementCycles.AsNoTracking().ToListAsync();
        Add(cycles.SelectMany(c => new[] { c.Title, c.Problem, c.Team, c.OwnerName, c.Source, c.AdaptNote, c.Roles.ProblemCollector, c.Roles.Analyst, c.Roles.ResultsManager }));
        Add(await db.CycleLinks.AsNoTracking().Select(l => l.Title).ToListAsync());
        var clusters = await db.ProblemClusters.AsNoTracking().ToListAsync();
        Add(clusters.SelectMany(c => new[] { c.Label }.Concat(c.TopTerms).Concat(c.Examples)));
        Add(await db.Imports.AsNoTracking().Select(i => i.FileName).ToListAsync());
        Add(await db.ApiTokens.AsNoTracking().Select(t => t.Name).ToListAsync());
        Add(await db.SearchQueries.AsNoTracking().Select(q => q.Text).ToListAsync());
        // A capture request's evidence is a stored snapshot of the analysis, written once in English.
        Add(await db.CaptureRequests.AsNoTracking().Select(c => c.EvidenceMarkdown).ToListAsync());

        var byEmail = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rep in reps.Where(r => r.Email is not null))
        {
            byEmail[rep.Email!] = rep.Name;
        }

        foreach (var user in users.Where(u => u.Email is not null && !string.IsNullOrWhiteSpace(u.DisplayName)))
        {
            byEmail[user.Email!] = user.DisplayName;
        }

        return new DataText(text.ToString(), byEmail, [.. documents.SelectMany(d => d.Tags)]);
    });
}
