using KnowledgeKaizen.Lexicon;
using KnowledgeKaizen.Search.Text;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace KnowledgeKaizen.Search.Documents;

/// <summary>Maps a <see cref="SearchDocument"/> to the Lucene fields of the index layout.</summary>
internal static class DocumentMapper
{
    // Offsets in the postings of titles and bodies make highlighting a lookup instead of a re-analysis
    // (re-segmenting Chinese is slow), without the size and indexing cost of term vectors.
    private static readonly FieldType WithOffsets = new(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    };

    // Only which documents hold a word matters for spelling and type-ahead.
    private static readonly FieldType DocsOnly = new(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_ONLY,
        OmitNorms = true,
    };

    static DocumentMapper()
    {
        WithOffsets.Freeze();
        DocsOnly.Freeze();
    }

    public static Document ToLucene(SearchDocument source)
    {
        var title = source.Title;
        var body = source.Body;
        var summary = source.Summary ?? "";
        var tags = string.Join(" ; ", source.Tags);
        var language = NormalizeLanguage(source.Language) ?? LanguageDetector.Detect(title + " " + summary + " " + body);

        var doc = new Document
        {
            new StringField(IndexFields.Id, IndexFields.IdOf(source.Type, source.Key), Field.Store.NO),
            new StringField(IndexFields.Type, source.Type, Field.Store.YES),
            new StringField(IndexFields.Key, source.Key, Field.Store.YES),
            new StoredField(IndexFields.Title, title),
            new StoredField(IndexFields.Body, body),
            new Field(IndexFields.Spell, string.Join(' ', title, tags, summary, body), DocsOnly),
            new Field(IndexFields.TitleWords, title, DocsOnly),
        };

        foreach (var key in PinyinKeys.Suffixes(title))
        {
            doc.Add(new StringField(IndexFields.TitlePinyin, key, Field.Store.NO));
        }

        AddText(doc, (IndexFields.TitleEn, IndexFields.TitleZh, IndexFields.TitlePairs), title, WithOffsets);
        AddText(doc, (IndexFields.TagsEn, IndexFields.TagsZh, IndexFields.TagsPairs), tags, TextField.TYPE_NOT_STORED);
        AddText(doc, (IndexFields.SummaryEn, IndexFields.SummaryZh, IndexFields.SummaryPairs), summary, TextField.TYPE_NOT_STORED);
        AddText(doc, (IndexFields.BodyEn, IndexFields.BodyZh, IndexFields.BodyPairs), body, WithOffsets);

        if (!string.IsNullOrEmpty(source.Url))
        {
            doc.Add(new StoredField(IndexFields.Url, source.Url));
        }

        if (summary.Length > 0)
        {
            doc.Add(new StoredField(IndexFields.Summary, summary));
        }

        var group = !string.IsNullOrWhiteSpace(source.VersionGroup) ? IndexFields.VersionGroupPrefix + source.VersionGroup.Trim()
            : !string.IsNullOrWhiteSpace(source.DuplicateGroup) ? IndexFields.DuplicateGroupPrefix + source.DuplicateGroup.Trim()
            : null;
        AddSingle(doc, IndexFields.Group, group);
        AddSingle(doc, IndexFields.FacetType, source.Type);
        AddSingle(doc, IndexFields.FacetStatus, source.Status);
        AddSingle(doc, IndexFields.FacetLanguage, language);
        AddSingle(doc, IndexFields.FacetAuthor, source.Author);
        AddMulti(doc, IndexFields.FacetTag, source.Tags);
        AddMulti(doc, IndexFields.FacetStage, source.Stages);
        foreach (var tag in source.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(TextFolding.Key).Distinct())
        {
            doc.Add(new StringField(IndexFields.TagLower, tag, Field.Store.NO));
            foreach (var typed in PinyinKeys.Whole(tag))
            {
                doc.Add(new StringField(IndexFields.TagPinyin, typed + IndexFields.TagPinyinSeparator + tag, Field.Store.NO));
            }
        }

        foreach (var role in source.Visibility.Roles.Where(r => !string.IsNullOrWhiteSpace(r)).Select(IndexFields.Role).Distinct())
        {
            doc.Add(new StringField(IndexFields.VisibleRole, role, Field.Store.NO));
        }

        foreach (var user in source.Visibility.UserIds.Where(u => !string.IsNullOrWhiteSpace(u)).Distinct())
        {
            doc.Add(new StringField(IndexFields.VisibleUser, user, Field.Store.NO));
        }

        var ticks = source.UpdatedAt.UtcTicks;
        doc.Add(new StoredField(IndexFields.Updated, ticks));
        doc.Add(new NumericDocValuesField(IndexFields.Updated, ticks));
        doc.Add(new NumericDocValuesField(IndexFields.Helpfulness, source.Helpfulness));
        return doc;
    }

    public static string? NormalizeLanguage(string? language) =>
        string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant();

    private static void AddText(Document doc, (string English, string Chinese, string Pairs) fields, string text, FieldType type)
    {
        if (text.Length == 0)
        {
            return;
        }

        doc.Add(new Field(fields.English, text, type));
        if (LanguageDetector.ContainsCjk(text))
        {
            doc.Add(new Field(fields.Chinese, text, type));
            doc.Add(new Field(fields.Pairs, text, type));
        }
    }

    private static void AddSingle(Document doc, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        value = value.Trim();
        doc.Add(new StringField(field, value, Field.Store.YES));
        doc.Add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    private static void AddMulti(Document doc, string field, IEnumerable<string> values)
    {
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField(field, value, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }
}
