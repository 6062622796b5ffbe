using System.Runtime.CompilerServices;
using EHalsostodet.Core.Content;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// What a search reads of every hit in one index segment, read once from the segment's doc values
/// and kept for as long as the segment lives (segments never change; a publish adds a small new
/// one): each facet's values as arrays of ordinals, their counts over the whole segment, the
/// first-published time and the weight of the content type. Counting and ranking hits then read
/// arrays, not doc values.
/// </summary>
internal sealed class SegmentFacets
{
    private static readonly ConditionalWeakTable<object, SegmentFacets> Cache = new();

    /// <summary>How much a match counts by content type: a municipality's story above a guidance document for the same match.</summary>
    private static readonly Dictionary<string, float> TypeWeights = new(StringComparer.Ordinal)
    {
        [ContentType.Story.Key()] = 1f,
        [ContentType.Collection.Key()] = 0.8f,
        [ContentType.Initiative.Key()] = 0.5f,
        [ContentType.Page.Key()] = 0.3f,
    };

    private SegmentFacets(AtomicReader segment)
    {
        MaxDoc = segment.MaxDoc;
        var facets = new List<Facet>();
        foreach (var info in segment.FieldInfos)
        {
            if (!info.Name.StartsWith(IndexFields.FacetPrefix, StringComparison.Ordinal) || segment.GetSortedSetDocValues(info.Name) is not { } values)
            {
                continue;
            }
            facets.Add(Facet.Read(info.Name[IndexFields.FacetPrefix.Length..], values, MaxDoc));
        }
        Facets = facets;
        Published = new long[MaxDoc];
        if (segment.GetNumericDocValues(IndexFields.Published) is { } published)
        {
            for (var doc = 0; doc < MaxDoc; doc++)
            {
                Published[doc] = published.Get(doc);
            }
        }
        Weight = new float[MaxDoc];
        IsPage = new bool[MaxDoc];
        var type = facets.FirstOrDefault(f => f.Name == FacetLabels.Type);
        for (var doc = 0; doc < MaxDoc; doc++)
        {
            var key = type is not null && type.Starts[doc] < type.Starts[doc + 1] ? type.Values[type.Ordinals[type.Starts[doc]]] : null;
            Weight[doc] = key is null ? 1f : TypeWeights.GetValueOrDefault(key, 1f);
            IsPage[doc] = key == ContentType.Page.Key();
        }
        Totals = facets.Select(f => f.CountAll()).ToArray();
    }

    public static SegmentFacets For(AtomicReader segment) => Cache.GetValue(segment.CoreCacheKey, _ => new SegmentFacets(segment));

    public int MaxDoc { get; }

    public IReadOnlyList<Facet> Facets { get; }

    /// <summary>Each facet's value counts over every document of the segment, deleted ones included.</summary>
    public int[][] Totals { get; }

    /// <summary>When each document was first published (UTC ticks).</summary>
    public long[] Published { get; }

    /// <summary>Each document's content-type weight on relevance.</summary>
    public float[] Weight { get; }

    /// <summary>Whether each document is a page (about, accessibility, privacy): pages rank last.</summary>
    public bool[] IsPage { get; }

    /// <summary>One facet in one segment: for document d, its values' ordinals are Ordinals[Starts[d]..Starts[d+1]].</summary>
    internal sealed class Facet(string name, int[] starts, int[] ordinals, string[] values)
    {
        public string Name { get; } = name;
        public int[] Starts { get; } = starts;
        public int[] Ordinals { get; } = ordinals;
        /// <summary>Ordinal → value.</summary>
        public string[] Values { get; } = values;

        /// <summary>Adds document <paramref name="doc"/>'s values to <paramref name="counts"/> (by <paramref name="sign"/>: 1 or -1).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Count(int[] counts, int doc, int sign = 1)
        {
            for (var i = Starts[doc]; i < Starts[doc + 1]; i++)
            {
                counts[Ordinals[i]] += sign;
            }
        }

        /// <summary>How many values a document has, on average.</summary>
        public double OrdinalsPerDocument => Starts.Length > 1 ? (double)Ordinals.Length / (Starts.Length - 1) : 0;

        private ulong[][]? documentsByValue;

        /// <summary>For each value (by ordinal), the documents that have it as a bit set: made when first asked for.</summary>
        public ulong[][] DocumentsByValue => LazyInitializer.EnsureInitialized(ref documentsByValue, () =>
        {
            var maxDoc = Starts.Length - 1;
            var bits = Values.Select(_ => new ulong[(maxDoc + 63) / 64]).ToArray();
            for (var doc = 0; doc < maxDoc; doc++)
            {
                for (var i = Starts[doc]; i < Starts[doc + 1]; i++)
                {
                    bits[Ordinals[i]][doc >> 6] |= 1UL << doc;
                }
            }
            return bits;
        });

        public int[] CountAll()
        {
            var counts = new int[Values.Length];
            foreach (var ordinal in Ordinals)
            {
                counts[ordinal]++;
            }
            return counts;
        }

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
