using System.Collections.Concurrent;
using Lucene.Net.Queries;
using Lucene.Net.Util;

namespace KnowledgeKaizen.Search.Querying;

/// <summary>
/// Turns the reader's permissions and the request's filters into one Lucene filter. The visibility filter is
/// cached per reader (role set and user id): its per-segment bit sets are then built once, not on every search.
/// </summary>
internal sealed class FilterBuilder
{
    private const int MaxCachedReaders = 1024;
    private readonly ConcurrentDictionary<string, Filter> _visibility = new(StringComparer.Ordinal);

    public Filter? Build(SearchRequest request)
    {
        var all = new BooleanFilter();
        var visibility = Visibility(request.Reader);
        if (visibility is not null)
        {
            all.Add(visibility, Occur.MUST);
        }

        AddAnyOf(all, IndexFields.FacetType, request.Types);
        AddAnyOf(all, IndexFields.FacetStage, request.Stages);
        AddAnyOf(all, IndexFields.FacetTag, request.Tags);
        AddAnyOf(all, IndexFields.FacetStatus, request.Statuses);
        AddAnyOf(all, IndexFields.FacetLanguage, request.Languages.Select(l => l.Trim().ToLowerInvariant()));
        AddAnyOf(all, IndexFields.FacetAuthor, request.Authors);
        AddAnyOf(all, IndexFields.Group, request.Group is null ? [] : [request.Group]);
        return all.Clauses.Count switch
        {
            0 => null,
            1 when visibility is not null => visibility,
            _ => all,
        };
    }

    /// <summary>Null only for the unrestricted system reader; a reader with nothing matches nothing.</summary>
    public Filter? Visibility(SearchReader reader)
    {
        if (reader.IsUnrestricted)
        {
            return null;
        }

        var roles = reader.Roles.Where(r => !string.IsNullOrWhiteSpace(r)).Select(IndexFields.Role).Distinct().Order(StringComparer.Ordinal).ToArray();
        var user = string.IsNullOrWhiteSpace(reader.UserId) ? null : reader.UserId;
        var key = string.Join('\u001F', roles) + "\u001E" + user;
        if (_visibility.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var either = new BooleanQuery();
        foreach (var role in roles)
        {
            either.Add(new TermQuery(new Term(IndexFields.VisibleRole, role)), Occur.SHOULD);
        }

        if (user is not null)
        {
            either.Add(new TermQuery(new Term(IndexFields.VisibleUser, user)), Occur.SHOULD);
        }

        // Bounded: a flood of distinct readers only costs rebuilding the cache, never unbounded memory.
        if (_visibility.Count >= MaxCachedReaders)
        {
            _visibility.Clear();
        }

        return _visibility.GetOrAdd(key, new CachingWrapperFilter(new QueryWrapperFilter(either)));
    }

    private static void AddAnyOf(BooleanFilter into, string field, IEnumerable<string> values)
    {
        var terms = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => new BytesRef(v.Trim())).ToArray();
        if (terms.Length > 0)
        {
            into.Add(new TermsFilter(field, terms), Occur.MUST);
        }
    }
}
