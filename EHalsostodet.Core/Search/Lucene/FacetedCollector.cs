using EHalsostodet.Core.Content;
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
/// weighted by content type (a municipality's story above a guidance document for the same
/// match), newest first on ties; or newest first throughout.
/// </remarks>
internal sealed class FacetedCollector : ICollector
{
    private static readonly Dictionary<string, float> TypeWeights = new(StringComparer.Ordinal)
    {
        [ContentType.Story.Key()] = 1f,
        [ContentType.Collection.Key()] = 0.8f,
        [ContentType.Initiative.Key()] = 0.5f,
        [ContentType.Page.Key()] = 0.3f,
    };

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
    private SegmentState state = null!;

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
            if (state.Passes(i, doc))
            {
                mask |= 1 << i;
            }
        }
        if (mask == fullMask)
        {
            state.CountAll(doc);
            Total++;
            Keep(doc);
        }
        else if (System.Numerics.BitOperations.PopCount((uint)(fullMask & ~mask)) == 1)
        {
            // Fails one facet's filter only: it counts for that facet's other values.
            state.CountOne(System.Numerics.BitOperations.TrailingZeroCount(fullMask & ~mask), doc);
        }
    }

    private void Keep(int doc)
    {
        if (keep == 0)
        {
            return;
        }
        var type = state.TypeKey(doc);
        var global = docBase + doc;
        var tier = bestBets.Contains(global) ? 0 : type == ContentType.Page.Key() ? 2 : 1;
        var score = (scorer?.GetScore() ?? 0f) * (type is null ? 1f : TypeWeights.GetValueOrDefault(type, 1f));
        var hit = new Hit(global, tier, score, segment.Published?.Get(doc) ?? 0);
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
        state = null!;
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

        public SegmentState(SegmentFacets segment, string[] filterNames, Dictionary<string, HashSet<string>> filters)
        {
            this.segment = segment;
            counts = segment.Facets.Select(f => new int[f.Values.Length]).ToArray();
            filterFacets = new SegmentFacets.Facet?[filterNames.Length];
            chosen = new bool[]?[filterNames.Length];
            facetOfFilter = new int[filterNames.Length];
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
                Count(f, doc);
            }
        }

        public void CountOne(int filter, int doc)
        {
            if (facetOfFilter[filter] >= 0)
            {
                Count(facetOfFilter[filter], doc);
            }
        }

        public string? TypeKey(int doc) =>
            segment.Type is { } type && type.Starts[doc] < type.Starts[doc + 1] ? type.Values[type.Ordinals[type.Starts[doc]]] : null;

        public IEnumerable<(SegmentFacets.Facet Facet, int[] Counts)> Counts() => segment.Facets.Select((f, i) => (f, counts[i]));

        private void Count(int facet, int doc)
        {
            var values = segment.Facets[facet];
            var facetCounts = counts[facet];
            for (var i = values.Starts[doc]; i < values.Starts[doc + 1]; i++)
            {
                facetCounts[values.Ordinals[i]]++;
            }
        }
    }
}
