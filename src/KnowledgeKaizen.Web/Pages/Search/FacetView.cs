using KnowledgeKaizen.Search;

namespace KnowledgeKaizen.Web.Pages.Search;

/// <summary>One facet's checkboxes: the URL parameter, its legend, the counted values and those already chosen.</summary>
public sealed record FacetView(string Name, string Legend, IReadOnlyList<FacetValue> Values, IReadOnlyList<string> Selected,
    Func<string, string> Label);
