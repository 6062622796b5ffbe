using EHalsostodet.Core.Search;
using EHalsostodet.Core.Search.Lucene;
using EHalsostodet.Core.Search.Query;
using EHalsostodet.Core.Search.Tuning;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneTerm = Lucene.Net.Index.Term;

namespace EHalsostodet.Tests.Search;

/// <summary>
/// How the engine collects hits on a larger index than the seed's: facet counts by every counting
/// route (hit by hit, the segment's totals less the misses, bit sets per value) agree with
/// counting by hand, deleted documents included; and a compound
/// is searched by its parts only while the whole word finds few items.
/// </summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class LuceneCollectionTests
{
    private const int Documents = 3000;
    private static readonly string[] Counties = ["Skåne län", "Norrbottens län", "Jönköpings län", "Gotlands län", "Uppsala län"];
    private static readonly string[] Tags = ["trygghet", "larm", "kamera", "sensor", "e-hälsa", "ledning", "upphandling"];
    // Many values, one per document: counted document by document rather than by each value's bit set.
    private static readonly string[] Places = Enumerable.Range(0, 300).Select(i => $"ort {i:000}").ToArray();

    [TestMethod]
    public void Facet_counts_and_the_best_hits_agree_with_counting_by_hand_however_the_hits_are_counted()
    {
        using var corpus = Corpus.Create();
        var queries = new (string Word, Dictionary<string, IReadOnlyList<string>> Filters)[]
        {
            ("larm", []),                                            // most of every segment: totals less the misses
            ("sensor", []),                                          // a few per segment: hit by hit
            ("larm", new() { ["county"] = ["Skåne län", "Gotlands län"] }),
            ("larm", new() { ["county"] = ["Skåne län"], ["tag"] = ["sensor"] }),
            ("sensor", new() { ["tag"] = ["ledning", "kamera"] }),
            ("larm", new() { ["place"] = ["ort 007", "ort 123", "ort 299"] }),
        };
        foreach (var (word, filters) in queries)
        {
            var expected = corpus.CountByHand(word, filters);
            var query = new TermQuery(new LuceneTerm(IndexFields.Body, word));
            var collected = Collect(new IndexSearcher(corpus.Reader), query, filters);
            var name = $"{word} {string.Join(" ", filters.Select(f => f.Key + "=" + string.Join("|", f.Value)))}";

            Assert.AreEqual(expected.Total, collected.Total, name);
            foreach (var facet in new[] { "county", "tag", "place" })
            {
                var byHand = expected.Facets[facet].Where(v => v.Value > 0 || filters.GetValueOrDefault(facet)?.Contains(v.Key) == true).OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
                Assert.AreEqual(Show(byHand), Show(collected.Facets()[facet]), $"{name}: {facet}");
            }
            var best = collected.Hits();
            Assert.AreEqual(Math.Min(20, expected.Total), best.Count, name);
            Assert.IsTrue(best.Zip(best.Skip(1)).All(p => p.First.Score > p.Second.Score || (p.First.Score == p.Second.Score && p.First.Published >= p.Second.Published)), name + ": best first, newest first on ties");
        }
    }

    [TestMethod]
    public void A_compound_is_searched_by_its_parts_only_while_the_whole_word_finds_few_items()
    {
        const string separate = "Ett larm som ger de äldre ökad trygghet om natten.";
        foreach (var (withWhole, partsExpected) in new[] { (3, true), (LuceneQueryBuilder.PartsBelow, false) })
        {
            using var directory = new RAMDirectory();
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(SwedishSearchAnalyzer.Version, SearchIndexes.Analyzer)))
            {
                writer.AddDocument(Row("separate", separate));
                for (var i = 0; i < withWhole; i++)
                {
                    writer.AddDocument(Row($"whole{i}", "Kommunen införde trygghetslarm i hemtjänsten."));
                }
            }
            using var reader = DirectoryReader.Open(directory);
            var searcher = new IndexSearcher(reader);
            var root = SearchQueryParser.Parse("trygghetslarm").Root!;

            var found = Ids(searcher, new LuceneQueryBuilder(SearchTuning.Empty, reader).Build(root)!, withWhole + 1);
            Assert.AreEqual(withWhole + (partsExpected ? 1 : 0), found.Count, $"{withWhole} items with the whole word");
            Assert.AreEqual(partsExpected, found.Contains("separate"), $"{withWhole} items with the whole word");
            Assert.IsTrue(Ids(searcher, new LuceneQueryBuilder(SearchTuning.Empty).Build(root)!, withWhole + 1).Contains("separate"), "without a reader the parts are always searched");
        }
    }

    private static Document Row(string id, string body) =>
    [
        new StringField(IndexFields.Id, id, Field.Store.YES),
        new TextField(IndexFields.Body, body, Field.Store.NO),
    ];

    private static List<string> Ids(IndexSearcher searcher, global::Lucene.Net.Search.Query query, int max) =>
        searcher.Search(query, max).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get(IndexFields.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static FacetedCollector Collect(IndexSearcher searcher, global::Lucene.Net.Search.Query query, Dictionary<string, IReadOnlyList<string>> filters)
    {
        var collector = new FacetedCollector(filters, 20, newest: false, new HashSet<int>());
        searcher.Search(query, collector);
        return collector;
    }

    private static string Show(IEnumerable<KeyValuePair<string, int>> counts) => string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}"));

    private static string Show(IEnumerable<FacetCount> counts) => string.Join(", ", counts.OrderBy(c => c.Value, StringComparer.Ordinal).Select(c => $"{c.Value}={c.Count}"));

    /// <summary>3,000 documents in several segments, a tenth of them replaced (so segments hold deleted documents), with what each holds kept for counting by hand.</summary>
    private sealed class Corpus : IDisposable
    {
        private readonly RAMDirectory directory;
        private readonly Dictionary<int, (string[] Words, string County, string[] Tags, string Place)> live = [];

        private Corpus(RAMDirectory directory) => this.directory = directory;

        public DirectoryReader Reader { get; private set; } = null!;

        public static Corpus Create()
        {
            var corpus = new Corpus(new RAMDirectory());
            var random = new Random(20261206);
            var config = new IndexWriterConfig(SwedishSearchAnalyzer.Version, SearchIndexes.Analyzer) { MergePolicy = NoMergePolicy.COMPOUND_FILES };
            using (var writer = new IndexWriter(corpus.directory, config))
            {
                for (var i = 0; i < Documents; i++)
                {
                    corpus.Write(writer, i, random, update: false);
                    if (i % 700 == 699)
                    {
                        writer.Commit();
                    }
                }
                for (var i = 0; i < Documents; i += 10)
                {
                    corpus.Write(writer, i, random, update: true);
                }
                writer.Commit();
            }
            corpus.Reader = DirectoryReader.Open(corpus.directory);
            return corpus;
        }

        private void Write(IndexWriter writer, int id, Random random, bool update)
        {
            var words = new List<string> { "text" };
            if (random.NextDouble() < 0.8)
            {
                words.Add("larm");
            }
            if (random.NextDouble() < 0.05)
            {
                words.Add("sensor");
            }
            var county = Counties[random.Next(Counties.Length)];
            var tags = Tags.Where(_ => random.NextDouble() < 0.4).ToArray();
            var place = Places[random.Next(Places.Length)];
            live[id] = ([.. words], county, tags, place);
            var document = new Document
            {
                new StringField(IndexFields.Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                new TextField(IndexFields.Body, string.Join(' ', words), Field.Store.NO),
                new NumericDocValuesField(IndexFields.Published, id),
                new SortedSetDocValuesField(IndexFields.Facet("county"), new BytesRef(county)),
                new SortedSetDocValuesField(IndexFields.Facet("place"), new BytesRef(place)),
                new SortedSetDocValuesField(IndexFields.Facet(FacetLabels.Type), new BytesRef("story")),
            };
            foreach (var tag in tags)
            {
                document.Add(new SortedSetDocValuesField(IndexFields.Facet("tag"), new BytesRef(tag)));
            }
            if (update)
            {
                writer.UpdateDocument(new LuceneTerm(IndexFields.Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture)), document);
            }
            else
            {
                writer.AddDocument(document);
            }
        }

        /// <summary>AND across facets, OR within one; each facet counted over the hits that pass every other facet's filter.</summary>
        public (int Total, Dictionary<string, Dictionary<string, int>> Facets) CountByHand(string word, Dictionary<string, IReadOnlyList<string>> filters)
        {
            var values = new Dictionary<string, Func<(string[] Words, string County, string[] Tags, string Place), string[]>>
            {
                ["county"] = d => [d.County],
                ["tag"] = d => d.Tags,
                ["place"] = d => [d.Place],
            };
            bool Passes(string facet, (string[] Words, string County, string[] Tags, string Place) d) =>
                !filters.TryGetValue(facet, out var chosen) || values[facet](d).Any(chosen.Contains);
            var matching = live.Values.Where(d => d.Words.Contains(word)).ToList();
            var facets = values.Keys.ToDictionary(facet => facet, facet =>
            {
                var counts = (facet switch { "county" => Counties, "tag" => Tags, _ => Places }).ToDictionary(v => v, _ => 0);
                foreach (var d in matching.Where(d => values.Keys.Where(other => other != facet).All(other => Passes(other, d))))
                {
                    foreach (var value in values[facet](d))
                    {
                        counts[value]++;
                    }
                }
                return counts;
            });
            return (matching.Count(d => values.Keys.All(f => Passes(f, d))), facets);
        }

        public void Dispose()
        {
            Reader?.Dispose();
            directory.Dispose();
        }
    }
}
