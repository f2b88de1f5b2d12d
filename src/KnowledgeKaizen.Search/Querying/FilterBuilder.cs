using System.Collections.Concurrent;
using KnowledgeKaizen.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeKaizen.Search.Querying;

/// <summary>
/// Turns the reader's permissions and the request's filters into one Lucene filter. Role filters are cached
/// per role set (few distinct sets, reused on every search); the per-user part is a single cheap term.
/// </summary>
internal sealed class FilterBuilder
{
    private const int MaxCachedRoleSets = 256;
    private readonly ConcurrentDictionary<string, Filter> _roleFilters = new(StringComparer.Ordinal);

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
        return all.Clauses.Count == 0 ? null : all;
    }

    /// <summary>Null only for the unrestricted system reader; a reader with nothing matches nothing.</summary>
    public Filter? Visibility(SearchReader reader)
    {
        if (reader.IsUnrestricted)
        {
            return null;
        }

        var either = new BooleanFilter();
        var roles = reader.Roles.Where(r => !string.IsNullOrWhiteSpace(r)).Select(IndexFields.Role).Distinct().Order(StringComparer.Ordinal).ToArray();
        either.Add(RoleFilter(roles), Occur.SHOULD);
        if (!string.IsNullOrWhiteSpace(reader.UserId))
        {
            either.Add(new TermsFilter(new Term(IndexFields.VisibleUser, reader.UserId)), Occur.SHOULD);
        }

        return either;
    }

    private Filter RoleFilter(string[] roles)
    {
        var key = string.Join('\u001F', roles);
        if (_roleFilters.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var query = new BooleanQuery();
        foreach (var role in roles)
        {
            query.Add(new TermQuery(new Term(IndexFields.VisibleRole, role)), Occur.SHOULD);
        }

        var filter = new CachingWrapperFilter(new QueryWrapperFilter(query));
        if (_roleFilters.Count >= MaxCachedRoleSets)
        {
            _roleFilters.Clear();
        }

        return _roleFilters.GetOrAdd(key, filter);
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
