using KnowledgeKaizen.Core.Terms;

namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// Keeps this instance's engine on the term map in force: applied on start, after a save here, and on every outbox
/// poll when another instance saved it (a load reads one small file; the engine rebuilds its expansion only on change).
/// </summary>
public sealed class SearchTerms(ISearchIndex index)
{
    private readonly Lock _gate = new();
    private string? _applied;

    /// <summary>Loads the map and hands it to the engine when its version differs from the one applied.</summary>
    public async Task RefreshAsync(TermMapStore store, CancellationToken ct = default) => Apply(await store.LoadAsync(ct));

    public void Apply(TermMapVersion current)
    {
        lock (_gate)
        {
            if (current.Version != _applied)
            {
                index.UseTerms(current.Map);
                _applied = current.Version;
            }
        }
    }
}
