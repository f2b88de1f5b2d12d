using System.Runtime.CompilerServices;
using Lucene.Net.Util;

namespace KnowledgeKaizen.Search.Querying;

/// <summary>
/// Every facet value of every document of one segment, flattened: document d holds the slots
/// <c>Slots[Starts[d]..Starts[d + 1]]</c>, and a slot is one value of one facet field (fields take consecutive
/// slot ranges). Counting a match is then a few increments in one int array, with no doc-values decoding.
/// Segments are immutable and sorted doc values cannot be updated, so the table is built once per segment core
/// (when a searcher is opened) and shared by every search until the segment is merged away.
/// </summary>
internal sealed class SegmentFacetOrdinals
{
    /// <summary>Facet fields in slot order; multi-valued ones hold sorted-set doc values.</summary>
    public static readonly (string Field, bool Multi)[] Fields =
    [
        (IndexFields.FacetType, false),
        (IndexFields.FacetStage, true),
        (IndexFields.FacetTag, true),
        (IndexFields.FacetStatus, false),
        (IndexFields.FacetLanguage, false),
        (IndexFields.FacetAuthor, false),
    ];

    private static readonly ConditionalWeakTable<object, SegmentFacetOrdinals> Cache = new();

    private SegmentFacetOrdinals(int[] starts, int[] slots, int[] fieldStarts, string[] labels)
    {
        Starts = starts;
        Slots = slots;
        FieldStarts = fieldStarts;
        Labels = labels;
    }

    /// <summary>Per document (plus one end marker): where its slots begin in <see cref="Slots"/>.</summary>
    public int[] Starts { get; }

    public int[] Slots { get; }

    /// <summary>Per field of <see cref="Fields"/> (plus one end marker): its first slot.</summary>
    public int[] FieldStarts { get; }

    /// <summary>The value of each slot.</summary>
    public string[] Labels { get; }

    public int SlotCount => Labels.Length;

    /// <summary>The table of a segment, built on first use and kept while the segment core lives.</summary>
    public static SegmentFacetOrdinals For(AtomicReader segment) => Cache.GetValue(segment.CoreCacheKey, _ => Build(segment));

    private static SegmentFacetOrdinals Build(AtomicReader segment)
    {
        var maxDoc = segment.MaxDoc;
        var fieldStarts = new int[Fields.Length + 1];
        var labels = new List<string>();
        var single = new SortedDocValues?[Fields.Length];
        var multi = new SortedSetDocValues?[Fields.Length];
        var scratch = new BytesRef();
        for (var f = 0; f < Fields.Length; f++)
        {
            fieldStarts[f] = labels.Count;
            if (Fields[f].Multi)
            {
                multi[f] = segment.GetSortedSetDocValues(Fields[f].Field);
                for (var ord = 0L; ord < (multi[f]?.ValueCount ?? 0); ord++)
                {
                    multi[f]!.LookupOrd(ord, scratch);
                    labels.Add(scratch.Utf8ToString());
                }
            }
            else
            {
                single[f] = segment.GetSortedDocValues(Fields[f].Field);
                for (var ord = 0; ord < (single[f]?.ValueCount ?? 0); ord++)
                {
                    single[f]!.LookupOrd(ord, scratch);
                    labels.Add(scratch.Utf8ToString());
                }
            }
        }

        fieldStarts[Fields.Length] = labels.Count;
        var starts = new int[maxDoc + 1];
        var slots = new List<int>(maxDoc * Fields.Length);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = slots.Count;
            for (var f = 0; f < Fields.Length; f++)
            {
                if (single[f] is { } one)
                {
                    var ord = one.GetOrd(doc);
                    if (ord >= 0)
                    {
                        slots.Add(fieldStarts[f] + ord);
                    }
                }
                else if (multi[f] is { } many)
                {
                    many.SetDocument(doc);
                    long ord;
                    while ((ord = many.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                    {
                        slots.Add(fieldStarts[f] + (int)ord);
                    }
                }
            }
        }

        starts[maxDoc] = slots.Count;
        return new SegmentFacetOrdinals(starts, [.. slots], fieldStarts, [.. labels]);
    }
}
