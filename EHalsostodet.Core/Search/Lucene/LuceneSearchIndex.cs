using System.Globalization;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Search.Query;
using EHalsostodet.Core.Search.Tuning;
using Lucene.Net.Search;
using LuceneQuery = Lucene.Net.Search.Query;
using LuceneTerm = Lucene.Net.Index.Term;
using QueryTerm = EHalsostodet.Core.Search.Query.Term;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// Free-text search over published content in this instance's Lucene index. Forgiving: a word
/// that matches nothing is corrected to the closest word the index holds ("Menade du …?"),
/// or dropped with a message when others remain; when every word matches but never together,
/// items with any of them are shown. Editors' best bets come first.
/// </summary>
public sealed class LuceneSearchIndex(SearchIndexes indexes, SearchTuningCache tuningCache, SearchMissCounter misses) : ISearchIndex
{
    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var parsed = SearchQueryParser.Parse(request.Query);
        var filters = new Dictionary<string, IReadOnlyList<string>>(request.Filters ?? new Dictionary<string, IReadOnlyList<string>>(), StringComparer.Ordinal);
        if (request.Type is { } type)
        {
            filters[FacetLabels.Type] = [type.Key()];
        }
        // Without words but with a chosen facet (a tag link, a county) the search lists everything that has it, newest first.
        var browse = string.IsNullOrWhiteSpace(request.Query) && filters.Values.Any(v => v.Count > 0);
        if (!browse && parsed.Root is null)
        {
            return new SearchResults(0, [], parsed.Message ?? SearchQueryParser.EmptyMessage);
        }
        var tuning = await tuningCache.GetAsync(cancellationToken);
        var take = Math.Clamp(request.PageSize, 0, 100);
        var skip = (Math.Clamp(request.Page, 1, 10_000) - 1) * take;
        var bestBets = browse ? [] : tuning.BestBetsFor(SearchMissCounter.Normalise(parsed.PositiveTerms));
        var search = new Search(tuning, browse ? null : parsed.Root, filters, request.Newest || browse, skip, take, bestBets);
        var results = indexes.Public.Search(search.Run);
        if (results.Total == 0 && !browse)
        {
            await misses.CountAsync(request.Query, cancellationToken);
        }
        var message = string.Join(" ", new[] { browse ? null : parsed.Message, results.Message }.OfType<string>());
        return results with { Message = message.Length > 0 ? message : null };
    }

    /// <summary>One search against one searcher.</summary>
    private sealed class Search(
        SearchTuning tuning, SearchNode? root, IReadOnlyDictionary<string, IReadOnlyList<string>> filters,
        bool newest, int skip, int take, IReadOnlyList<Guid> bestBets)
    {
        public SearchResults Run(IndexSearcher searcher)
        {
            var builder = new LuceneQueryBuilder(tuning, searcher.IndexReader);
            var messages = new List<string>();
            string? didYouMean = null;
            var node = root;
            if (node is not null)
            {
                (node, didYouMean) = Repair(builder, searcher, node, messages);
            }
            var query = node is null ? new MatchAllDocsQuery() : builder.Build(node);
            if (query is null)
            {
                return new SearchResults(0, [], SearchQueryParser.EmptyMessage);
            }
            var collector = Collect(searcher, query);
            if (collector.Total == 0 && node is And and && Relaxed(and) is { } relaxed && builder.Build(relaxed) is { } anyWord)
            {
                var any = Collect(searcher, anyWord);
                if (any.Total > 0)
                {
                    collector = any;
                    node = relaxed;
                    messages.Add("Ingen träff innehöll alla orden. Visar träffar som innehåller något av dem.");
                }
            }
            var snippets = new Snippets(builder, node, searcher.IndexReader);
            var hits = collector.Hits().Skip(skip).Take(take).Select(hit =>
            {
                var document = searcher.Doc(hit.Doc);
                string Stored(string field) => document.Get(field, CultureInfo.InvariantCulture) ?? "";
                _ = ContentTypeNames.TryParseKey(Stored(IndexFields.StoredType), out var type);
                return new SearchHit(Guid.ParseExact(Stored(IndexFields.Id), "N"), type, Stored(IndexFields.StoredTitle),
                    Stored(IndexFields.StoredUrl), snippets.For(Stored(IndexFields.StoredText)));
            }).ToList();
            return new SearchResults(collector.Total, hits, messages.Count > 0 ? string.Join(" ", messages) : null, didYouMean, collector.Facets());
        }

        private FacetedCollector Collect(IndexSearcher searcher, LuceneQuery query)
        {
            var pinned = new HashSet<int>();
            if (bestBets.Count > 0)
            {
                var withBets = new BooleanQuery { { query, Occur.SHOULD } };
                foreach (var itemId in bestBets)
                {
                    var term = new TermQuery(new LuceneTerm(IndexFields.Id, SearchIndexDocuments.Key(itemId))) { Boost = 0 };
                    foreach (var found in searcher.Search(term, 1).ScoreDocs)
                    {
                        pinned.Add(found.Doc);
                    }
                    withBets.Add(term, Occur.SHOULD);
                }
                query = withBets;
            }
            var collector = new FacetedCollector(filters, skip + take, newest, pinned);
            searcher.Search(query, collector);
            return collector;
        }

        /// <summary>
        /// Corrects or drops the top-level words that match nothing in the index. The corrected
        /// query is the "Menade du …?" suggestion; the search runs with it at once.
        /// </summary>
        private (SearchNode Node, string? DidYouMean) Repair(LuceneQueryBuilder builder, IndexSearcher searcher, SearchNode node, List<string> messages)
        {
            var words = node switch
            {
                QueryTerm { IsPrefix: false } term => [term],
                And and => and.Children.OfType<QueryTerm>().Where(t => !t.IsPrefix).ToList(),
                _ => [],
            };
            var reader = searcher.IndexReader;
            var replaced = new Dictionary<QueryTerm, QueryTerm?>();
            foreach (var word in words.Where(w => !builder.Occurs(reader, w.Text)))
            {
                var correction = SpellingSuggestions.Closest(reader, word.Text);
                replaced[word] = correction is not null && builder.Occurs(reader, correction) ? new QueryTerm(correction) : null;
            }
            if (replaced.Count == 0)
            {
                return (node, null);
            }
            var dropped = replaced.Where(r => r.Value is null).Select(r => r.Key).ToList();
            if (dropped.Count >= CountPositive(node))
            {
                // Nothing would be left: keep the query, which finds nothing.
                dropped.Clear();
            }
            var corrected = replaced.Where(r => r.Value is not null).ToDictionary(r => r.Key, r => r.Value!);
            SearchNode Rewrite(SearchNode n) => n is QueryTerm t && corrected.TryGetValue(t, out var c) ? c : n;
            node = node switch
            {
                And and => new And(and.Children.Where(c => c is not QueryTerm t || !dropped.Contains(t)).Select(Rewrite).ToList()),
                _ => Rewrite(node),
            };
            if (dropped.Count > 0)
            {
                messages.Add(dropped.Count == 1
                    ? $"Inga träffar för ”{dropped[0].Text}”. Visar träffar för de andra orden."
                    : $"Inga träffar för {string.Join(", ", dropped.Select(d => $"”{d.Text}”"))}. Visar träffar för de andra orden.");
            }
            if (corrected.Count == 0)
            {
                return (node, null);
            }
            var suggestion = string.Join(' ', words.Where(w => !dropped.Contains(w)).Select(w => corrected.TryGetValue(w, out var c) ? c.Text : w.Text));
            messages.Add($"Visar träffar för ”{suggestion}”.");
            return (node, suggestion);
        }

        private static int CountPositive(SearchNode node) => node switch
        {
            And and => and.Children.Count(c => c is not Not),
            _ => 1,
        };

        /// <summary>Any of the positive words instead of all of them, exclusions kept.</summary>
        private static SearchNode? Relaxed(And and)
        {
            var positive = and.Children.Where(c => c is not Not).ToList();
            if (positive.Count < 2)
            {
                return null;
            }
            var relaxed = new Or(positive);
            var excluded = and.Children.OfType<Not>().ToList();
            return excluded.Count == 0 ? relaxed : new And([relaxed, .. excluded]);
        }
    }
}
