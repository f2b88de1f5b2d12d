namespace KnowledgeKaizen.Search;

public enum SearchNoticeKind
{
    /// <summary>The query was longer than the limit and was cut.</summary>
    QueryTruncated,

    /// <summary>The query held only very common words (or no words at all), so nothing was searched.</summary>
    NoSearchableWords,

    /// <summary>No document held all words; results hold any of them.</summary>
    RelaxedToAnyWord,

    /// <summary>Nothing matched; results are for the suggested spelling.</summary>
    ShowingCorrected,

    /// <summary>Nothing matched exactly; results are for similar spellings.</summary>
    ShowingSimilar,
}
