using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// One pass over every document the query matches: applies the chosen facet values (AND across
/// facets, OR within one), counts each facet's values over the hits that pass every other facet's
/// filter (so choosing a value keeps its siblings counted), and keeps the best hits for the page.
/// </summary>
/// <remarks>
/// Order: best bets first, pages (about, accessibility, privacy) last, and in between by relevance
/// weighted by content type (<see cref="SegmentFacets.Weight"/>), newest first on ties; or newest
/// first throughout.
/// </remarks>
internal sealed class FacetedCollector : ICollector
{
    private readonly Dictionary<string, HashSet<string>> filters;
    private readonly string[] filterFacets;
    private readonly int fullMask;
    private readonly bool newest;
    private readonly IReadOnlySet<int> bestBets;
    private readonly PriorityQueue<Hit, Hit> kept;
    private readonly int keep;
    private readonly Dictionary<string, Dictionary<string, int>> counts = new(StringComparer.Ordinal);

    private Scorer? scorer;
    private int docBase;
    private SegmentFacets segment = null!;
    private SegmentState? state;

    /// <param name="keep">How many of the best hits to keep: every hit up to the end of the page.</param>
    /// <param name="bestBets">Global document numbers to put first.</param>
    public FacetedCollector(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, int keep, bool newest, IReadOnlySet<int> bestBets)
    {
        this.filters = filters.Where(f => f.Value.Count > 0).ToDictionary(f => f.Key, f => f.Value.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        filterFacets = [.. this.filters.Keys.Order(StringComparer.Ordinal)];
        fullMask = (1 << filterFacets.Length) - 1;
        this.keep = keep;
        this.newest = newest;
        this.bestBets = bestBets;
        // Grown as hits come: a deep page asked for must not reserve memory for hits that may not exist.
        kept = new PriorityQueue<Hit, Hit>(Math.Min(keep + 1, 256), Comparer<Hit>.Create(Better));
    }

    public int Total { get; private set; }

    /// <summary>The kept hits, best first.</summary>
    public IReadOnlyList<Hit> Hits()
    {
        var hits = kept.UnorderedItems.Select(i => i.Element).ToList();
        hits.Sort((a, b) => Better(b, a));
        return hits;
    }

    /// <summary>Values counted per facet, and chosen values that nothing matched.</summary>
    public Dictionary<string, IReadOnlyList<FacetCount>> Facets()
    {
        FlushSegment();
        return FacetCounter.FromCounts(counts, filters.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[.. f.Value], StringComparer.Ordinal));
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        docBase = context.DocBase;
        segment = SegmentFacets.For(context.AtomicReader);
        state = new SegmentState(segment, filterFacets, filters);
    }

    public void Collect(int doc)
    {
        if (fullMask == 0)
        {
            state!.Mark(doc);
            Total++;
            Keep(doc);
            return;
        }
        var mask = 0;
        for (var i = 0; i < filterFacets.Length; i++)
        {
            if (state!.Passes(i, doc))
            {
                mask |= 1 << i;
            }
        }
        if (mask == fullMask)
        {
            state!.CountAll(doc);
            Total++;
            Keep(doc);
        }
        else if (BitOperations.PopCount((uint)(fullMask & ~mask)) == 1)
        {
            // Fails one facet's filter only: it counts for that facet's other values.
            state!.CountOne(BitOperations.TrailingZeroCount(fullMask & ~mask), doc);
        }
    }

    private void Keep(int doc)
    {
        if (keep == 0)
        {
            return;
        }
        var global = docBase + doc;
        var tier = bestBets.Contains(global) ? 0 : segment.IsPage[doc] ? 2 : 1;
        var score = (scorer?.GetScore() ?? 0f) * segment.Weight[doc];
        Offer(new Hit(global, tier, score, segment.Published[doc]));
    }

    private void Offer(Hit hit)
    {
        if (kept.Count < keep)
        {
            kept.Enqueue(hit, hit);
        }
        else if (Better(hit, kept.Peek()) > 0)
        {
            kept.DequeueEnqueue(hit, hit);
        }
    }

    /// <summary>Positive when a ranks above b.</summary>
    private int Better(Hit a, Hit b)
    {
        if (!newest && a.Tier != b.Tier)
        {
            return b.Tier.CompareTo(a.Tier);
        }
        var order = newest
            ? a.Published.CompareTo(b.Published) is not 0 and var byDate ? byDate : a.Score.CompareTo(b.Score)
            : a.Score.CompareTo(b.Score) is not 0 and var byScore ? byScore : a.Published.CompareTo(b.Published);
        return order != 0 ? order : b.Doc.CompareTo(a.Doc);
    }

    private void FlushSegment()
    {
        if (state is null)
        {
            return;
        }
        foreach (var (facet, segmentCounts) in state.Counts())
        {
            if (!segmentCounts.Any(c => c > 0))
            {
                continue;
            }
            if (!counts.TryGetValue(facet.Name, out var values))
            {
                counts[facet.Name] = values = new Dictionary<string, int>(StringComparer.Ordinal);
            }
            for (var ordinal = 0; ordinal < segmentCounts.Length; ordinal++)
            {
                if (segmentCounts[ordinal] > 0)
                {
                    values[facet.Values[ordinal]] = values.GetValueOrDefault(facet.Values[ordinal]) + segmentCounts[ordinal];
                }
            }
        }
        state = null;
    }

    internal readonly record struct Hit(int Doc, int Tier, float Score, long Published);

    /// <summary>The filters and counts of the segment being collected.</summary>
    private sealed class SegmentState
    {
        private readonly SegmentFacets.Facet?[] filterFacets;
        private readonly bool[]?[] chosen;
        private readonly int[][] counts;
        private readonly int[] facetOfFilter;
        private readonly SegmentFacets segment;
        // Without filters every hit counts for every facet: the hits are marked and counted at the end, from whichever side is smaller.
        private readonly ulong[]? marked;
        private int markedCount;

        public SegmentState(SegmentFacets segment, string[] filterNames, Dictionary<string, HashSet<string>> filters)
        {
            this.segment = segment;
            counts = segment.Facets.Select(f => new int[f.Values.Length]).ToArray();
            filterFacets = new SegmentFacets.Facet?[filterNames.Length];
            chosen = new bool[]?[filterNames.Length];
            facetOfFilter = new int[filterNames.Length];
            marked = filterNames.Length == 0 ? new ulong[(segment.MaxDoc + 63) / 64] : null;
            for (var i = 0; i < filterNames.Length; i++)
            {
                facetOfFilter[i] = -1;
                for (var f = 0; f < segment.Facets.Count; f++)
                {
                    if (segment.Facets[f].Name == filterNames[i])
                    {
                        var facet = segment.Facets[f];
                        filterFacets[i] = facet;
                        facetOfFilter[i] = f;
                        chosen[i] = facet.Values.Select(v => filters[filterNames[i]].Contains(v)).ToArray();
                    }
                }
            }
        }

        public void Mark(int doc)
        {
            marked![doc >> 6] |= 1UL << doc;
            markedCount++;
        }

        public bool Passes(int filter, int doc)
        {
            if (filterFacets[filter] is not { } facet)
            {
                return false;
            }
            var isChosen = chosen[filter]!;
            for (var i = facet.Starts[doc]; i < facet.Starts[doc + 1]; i++)
            {
                if (isChosen[facet.Ordinals[i]])
                {
                    return true;
                }
            }
            return false;
        }

        public void CountAll(int doc)
        {
            for (var f = 0; f < counts.Length; f++)
            {
                segment.Facets[f].Count(counts[f], doc);
            }
        }

        public void CountOne(int filter, int doc)
        {
            if (facetOfFilter[filter] >= 0)
            {
                segment.Facets[facetOfFilter[filter]].Count(counts[facetOfFilter[filter]], doc);
            }
        }

        public IEnumerable<(SegmentFacets.Facet Facet, int[] Counts)> Counts()
        {
            if (marked is not null && markedCount > 0)
            {
                CountMarked();
            }
            return segment.Facets.Select((f, i) => (f, counts[i]));
        }

        /// <summary>
        /// The marked hits' values, per facet the cheaper way: by the bit set of each value ANDed
        /// with the hits (a facet with few values over many hits), or document by document, when
        /// most of the segment matched as the segment's totals less the documents that did not
        /// (deleted ones among them).
        /// </summary>
        private void CountMarked()
        {
            var dense = markedCount > segment.MaxDoc / 2;
            var documents = dense ? segment.MaxDoc - markedCount : markedCount;
            for (var f = 0; f < counts.Length; f++)
            {
                var facet = segment.Facets[f];
                if ((long)facet.Values.Length * marked!.Length < 2 * documents * facet.OrdinalsPerDocument)
                {
                    CountByValue(facet, counts[f]);
                }
                else
                {
                    CountByDocument(facet, counts[f], dense, segment.Totals[f]);
                }
            }
        }

        private void CountByValue(SegmentFacets.Facet facet, int[] facetCounts)
        {
            var byValue = facet.DocumentsByValue;
            var hits = marked!;
            for (var ordinal = 0; ordinal < byValue.Length; ordinal++)
            {
                var documents = byValue[ordinal];
                var count = 0;
                for (var w = 0; w < hits.Length; w++)
                {
                    count += BitOperations.PopCount(hits[w] & documents[w]);
                }
                facetCounts[ordinal] = count;
            }
        }

        private void CountByDocument(SegmentFacets.Facet facet, int[] facetCounts, bool dense, int[] totals)
        {
            if (dense)
            {
                totals.CopyTo(facetCounts, 0);
            }
            var sign = dense ? -1 : 1;
            var hits = marked!;
            for (var w = 0; w < hits.Length; w++)
            {
                var bits = dense ? ~hits[w] : hits[w];
                while (bits != 0)
                {
                    var doc = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (doc >= segment.MaxDoc)
                    {
                        break;
                    }
                    facet.Count(facetCounts, doc, sign);
                }
            }
        }
    }
}
