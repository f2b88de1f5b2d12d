using KnowledgeKaizen.Core.Terms;
using KnowledgeKaizen.Search.Indexing;

namespace KnowledgeKaizen.Web.Pages.Search;

/// <summary>The term map page's facade: the map in force, and saving it (applied to this instance's engine at once).</summary>
public sealed class TermMapDesk(TermMapStore store, SearchTerms terms)
{
    public Task<TermMapVersion> LoadAsync(CancellationToken ct = default) => store.LoadAsync(ct);

    public async Task<TermMapSaveResult> SaveAsync(IEnumerable<(string English, string Chinese)> rows, string basedOn, CancellationToken ct = default)
    {
        var result = await store.SaveAsync(rows, basedOn, ct);
        if (result.Saved)
        {
            terms.Apply(result.Current);
        }

        return result;
    }
}
