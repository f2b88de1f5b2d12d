namespace KnowledgeKaizen.Core.Analytics;

/// <summary>
/// One search a user ran (first page only), kept for the managers' analytics: what people look for,
/// what finds nothing (content gaps) and what finds something nobody opens.
/// </summary>
public class SearchQueryLog
{
    public const int MaxTextLength = 200;

    private SearchQueryLog()
    {
        Text = string.Empty;
        UserId = string.Empty;
    }

    public SearchQueryLog(string text, string userId, int resultCount, DateTime at)
    {
        Text = Normalise(text);
        if (Text.Length == 0)
        {
            throw new ArgumentException("An empty query is not logged.", nameof(text));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(resultCount);
        UserId = userId;
        ResultCount = resultCount;
        At = at;
    }

    public long Id { get; private set; }

    /// <summary>Lower-cased, whitespace-collapsed and cut to <see cref="MaxTextLength"/>, so equal searches group together.</summary>
    public string Text { get; private set; }

    public string UserId { get; private set; }

    public int ResultCount { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime At { get; private set; }

    /// <summary>How a query is grouped: case, surrounding and repeated whitespace and control characters do not count.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(c => !char.IsControl(c)).ToArray()))
            .Where(w => w.Length > 0);
        var joined = string.Join(' ', words).ToLowerInvariant();
        return joined.Length <= MaxTextLength ? joined : joined[..MaxTextLength].TrimEnd();
    }
}

internal sealed class SearchQueryLogConfiguration : IEntityTypeConfiguration<SearchQueryLog>
{
    public void Configure(EntityTypeBuilder<SearchQueryLog> builder)
    {
        builder.ToTable("SearchQueries");
        builder.Property(q => q.Text).HasMaxLength(SearchQueryLog.MaxTextLength);
        builder.Property(q => q.UserId).HasMaxLength(450);
        builder.HasIndex(q => q.At);
        builder.HasIndex(q => new { q.Text, q.At });
    }
}
