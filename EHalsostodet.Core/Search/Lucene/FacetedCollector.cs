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
            state!.Mark(doc);
            Total++;
            Keep(doc);
        }
        else if (BitOperations.PopCount((uint)(fullMask & ~mask)) == 1)
        {
            // Fails one facet's filter only: it counts for that facet's other values.
            state!.MarkFailing(BitOperations.TrailingZeroCount(fullMask & ~mask), doc);
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

    /// <summary>
    /// The filters and counts of the segment being collected. Hits are marked in bit sets and
    /// counted at the end, from whichever side is cheaper: those that pass every filter count for
    /// every facet; those that fail one facet's filter only, for that facet.
    /// </summary>
    private sealed class SegmentState
    {
        private readonly SegmentFacets.Facet?[] filterFacets;
        private readonly bool[]?[] chosen;
        private readonly int[][] counts;
        private readonly int[] facetOfFilter;
        private readonly SegmentFacets segment;
        private readonly Marks passing;
        private readonly Marks?[] failingOnly;

        public SegmentState(SegmentFacets segment, string[] filterNames, Dictionary<string, HashSet<string>> filters)
        {
            this.segment = segment;
            counts = segment.Facets.Select(f => new int[f.Values.Length]).ToArray();
            filterFacets = new SegmentFacets.Facet?[filterNames.Length];
            chosen = new bool[]?[filterNames.Length];
            facetOfFilter = new int[filterNames.Length];
            passing = new Marks(segment.MaxDoc);
            failingOnly = new Marks?[filterNames.Length];
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

        public void Mark(int doc) => passing.Add(doc);

        /// <summary>The document fails only the given filter's facet: it counts for that facet alone.</summary>
        public void MarkFailing(int filter, int doc)
        {
            if (facetOfFilter[filter] >= 0)
            {
                (failingOnly[filter] ??= new Marks(segment.MaxDoc)).Add(doc);
            }
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

        public IEnumerable<(SegmentFacets.Facet Facet, int[] Counts)> Counts()
        {
            for (var f = 0; f < counts.Length; f++)
            {
                var filter = Array.IndexOf(facetOfFilter, f);
                var hits = filter >= 0 && failingOnly[filter] is { } failing ? passing.Or(failing) : passing;
                if (hits.Count > 0)
                {
                    Count(segment.Facets[f], counts[f], hits, segment.Totals[f]);
                }
            }
            return segment.Facets.Select((f, i) => (f, counts[i]));
        }

        /// <summary>
        /// The hits' values the cheaper way: by the bit set of each value ANDed with the hits (a
        /// facet with few values over many hits), or document by document, when most of the
        /// segment matched as the segment's totals less the documents that did not (deleted ones
        /// among them).
        /// </summary>
        private void Count(SegmentFacets.Facet facet, int[] facetCounts, Marks hits, int[] totals)
        {
            var dense = hits.Count > segment.MaxDoc / 2;
            var documents = dense ? segment.MaxDoc - hits.Count : hits.Count;
            if ((long)facet.Values.Length * hits.Words.Length < 2 * documents * facet.OrdinalsPerDocument)
            {
                CountByValue(facet, facetCounts, hits.Words);
            }
            else
            {
                CountByDocument(facet, facetCounts, hits.Words, dense, totals);
            }
        }

        private static void CountByValue(SegmentFacets.Facet facet, int[] facetCounts, ulong[] hits)
        {
            var byValue = facet.DocumentsByValue;
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

        private void CountByDocument(SegmentFacets.Facet facet, int[] facetCounts, ulong[] hits, bool dense, int[] totals)
        {
            if (dense)
            {
                totals.CopyTo(facetCounts, 0);
            }
            var sign = dense ? -1 : 1;
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

    /// <summary>A set of a segment's documents as bits, with its size.</summary>
    private sealed class Marks(int maxDoc)
    {
        public ulong[] Words { get; } = new ulong[(maxDoc + 63) / 64];

        public int Count { get; private set; }

        public void Add(int doc)
        {
            Words[doc >> 6] |= 1UL << doc;
            Count++;
        }

        /// <summary>Both sets in one (they share no document).</summary>
        public Marks Or(Marks other)
        {
            var both = new Marks(maxDoc) { Count = Count + other.Count };
            for (var w = 0; w < Words.Length; w++)
            {
                both.Words[w] = Words[w] | other.Words[w];
            }
            return both;
        }
    }
}
