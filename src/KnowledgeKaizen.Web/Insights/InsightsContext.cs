namespace KnowledgeKaizen.Web.Insights;

/// <summary>What one dashboard request is about: the filter from the URL, its notices, and who is looking.</summary>
public sealed record InsightsContext(
    MetricFilter Filter,
    MetricFilter Requested,
    IReadOnlyList<string> Notices,
    MetricViewer Viewer,
    FilterOptions Options,
    bool Compare)
{
    /// <summary>The URL query for this filter plus extra values (e.g. a CSV table key).</summary>
    public Dictionary<string, string?> Query(params (string Key, string? Value)[] extra)
    {
        var query = Requested.ToQuery().ToDictionary(kv => kv.Key, kv => kv.Value);
        if (!Compare)
        {
            query["compare"] = "off";
        }

        foreach (var (key, value) in extra)
        {
            query[key] = value;
        }

        return query;
    }
}
