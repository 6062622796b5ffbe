using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// The facet values of every document of one index segment as arrays of ordinals, read once from
/// the segment's doc values and kept for as long as the segment lives (segments never change;
/// a publish adds a small new one). Counting facets over all hits then reads arrays, not doc values.
/// </summary>
internal sealed class SegmentFacets
{
    private static readonly ConditionalWeakTable<object, SegmentFacets> Cache = new();

    private SegmentFacets(AtomicReader segment)
    {
        var facets = new List<Facet>();
        foreach (var info in segment.FieldInfos)
        {
            if (!info.Name.StartsWith(IndexFields.FacetPrefix, StringComparison.Ordinal) || segment.GetSortedSetDocValues(info.Name) is not { } values)
            {
                continue;
            }
            facets.Add(Facet.Read(info.Name[IndexFields.FacetPrefix.Length..], values, segment.MaxDoc));
        }
        Facets = facets;
        Published = segment.GetNumericDocValues(IndexFields.Published);
        Type = facets.FirstOrDefault(f => f.Name == FacetLabels.Type);
    }

    public static SegmentFacets For(AtomicReader segment) => Cache.GetValue(segment.CoreCacheKey, _ => new SegmentFacets(segment));

    public IReadOnlyList<Facet> Facets { get; }

    public NumericDocValues? Published { get; }

    public Facet? Type { get; }

    /// <summary>One facet in one segment: for document d, its values' ordinals are Ordinals[Starts[d]..Starts[d+1]].</summary>
    internal sealed class Facet(string name, int[] starts, int[] ordinals, string[] values)
    {
        public string Name { get; } = name;
        public int[] Starts { get; } = starts;
        public int[] Ordinals { get; } = ordinals;
        /// <summary>Ordinal → value.</summary>
        public string[] Values { get; } = values;

        public static Facet Read(string name, SortedSetDocValues docValues, int maxDoc)
        {
            var starts = new int[maxDoc + 1];
            var ordinals = new List<int>(maxDoc);
            for (var doc = 0; doc < maxDoc; doc++)
            {
                starts[doc] = ordinals.Count;
                docValues.SetDocument(doc);
                long ordinal;
                while ((ordinal = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    ordinals.Add((int)ordinal);
                }
            }
            starts[maxDoc] = ordinals.Count;
            var values = new string[docValues.ValueCount];
            var bytes = new BytesRef();
            for (var ordinal = 0; ordinal < values.Length; ordinal++)
            {
                docValues.LookupOrd(ordinal, bytes);
                values[ordinal] = bytes.Utf8ToString();
            }
            return new Facet(name, starts, [.. ordinals], values);
        }
    }
}
