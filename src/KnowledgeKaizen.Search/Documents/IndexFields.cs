namespace KnowledgeKaizen.Search.Documents;

/// <summary>Field names of the index layout (see <see cref="IndexSchema.Version"/>).</summary>
internal static class IndexFields
{
    /// <summary>"type\u001Fkey": the unique term that upserts and deletes replace.</summary>
    public const string Id = "id";
    public const string Type = "type";
    public const string Key = "key";
    public const string Url = "url";
    public const string Summary = "summary";

    // Analysed text: every text twice, English (always) and Chinese (only when it contains CJK).
    public const string TitleEn = "title_en";
    public const string TitleZh = "title_zh";
    public const string TagsEn = "tags_en";
    public const string TagsZh = "tags_zh";
    public const string SummaryEn = "summary_en";
    public const string SummaryZh = "summary_zh";
    public const string BodyEn = "body_en";
    public const string BodyZh = "body_zh";

    // Chinese text again as overlapping character pairs: term-map terms are matched there (see ChineseBigramAnalyzer).
    public const string TitlePairs = "title_zb";
    public const string TagsPairs = "tags_zb";
    public const string SummaryPairs = "summary_zb";
    public const string BodyPairs = "body_zb";

    /// <summary>Stored plain title and body (Markdown stripped): what hits and snippets show.</summary>
    public const string Title = "title";
    public const string Body = "body";

    public const string Spell = "spell";
    public const string TitleWords = "title_words";

    // Exact values: filters (indexed) and facets (doc values) under the same name.
    public const string FacetType = "f_type";
    public const string FacetStage = "f_stage";
    public const string FacetTag = "f_tag";
    public const string FacetStatus = "f_status";
    public const string FacetLanguage = "f_lang";
    public const string FacetAuthor = "f_author";

    /// <summary>Title keys typed in pinyin (<see cref="PinyinKeys.Suffixes"/>), one term each.</summary>
    public const string TitlePinyin = "title_py";

    /// <summary>"pinyin\u001Ftag": a tag's full pinyin and initials, then the tag's folded key.</summary>
    public const string TagPinyin = "tag_py";

    public const char TagPinyinSeparator = '\u001F';

    /// <summary>Folded, lower-cased tags for type-ahead (<see cref="Lexicon.TextFolding.Key"/>).</summary>
    public const string TagLower = "tag_lc";

    /// <summary>"v\u001F…" (language versions) or "d\u001F…" (near-identical records): indexed, stored and doc values.</summary>
    public const string Group = "group";

    public const string VersionGroupPrefix = "v\u001F";
    public const string DuplicateGroupPrefix = "d\u001F";

    public const string VisibleRole = "v_role";
    public const string VisibleUser = "v_user";

    /// <summary>UTC ticks: stored, and doc values for date sort and the freshness boost.</summary>
    public const string Updated = "updated";
    public const string Helpfulness = "helpful";

    public static readonly HashSet<string> ChineseTextFields = [TitleZh, TagsZh, SummaryZh, BodyZh];

    public static readonly HashSet<string> ChinesePairFields = [TitlePairs, TagsPairs, SummaryPairs, BodyPairs];

    public static string IdOf(string type, string key) => type + "\u001F" + key;

    public static string Role(string role) => role.Trim().ToLowerInvariant();
}
