using EHalsostodet.Benchmarks;
using EHalsostodet.Benchmarks.Search;
using EHalsostodet.Benchmarks.Search.Corpus;
using EHalsostodet.Benchmarks.Search.Queries;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Taxonomy;

namespace EHalsostodet.Tests.Benchmarks;

/// <summary>The search benchmark on a tiny corpus: it runs end to end and measures something real. Nothing here is timed.</summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class SearchBenchmarkTests
{
    [TestMethod]
    public async Task A_tiny_run_reports_the_index_the_syncs_memory_and_every_query_kind_for_the_engine_and_the_baseline()
    {
        // Without the full collections around each phase: they would stop every test running beside this one.
        var options = new SearchBenchmarkOptions { StoryCounts = [300], Queries = 25, WarmupPerKind = 1, ReindexSamples = 2, BatchSize = 100, ProfileRepetitions = 1, SettleHeapBetweenPhases = false };

        var result = await new SearchBenchmarkRunner(options, TextWriter.Null).RunAsync(300, CancellationToken.None);
        var report = SearchReport.Write(result, options);

        Assert.AreEqual(300, result.Stories);
        Assert.AreEqual(300, result.Indexed);
        Assert.AreEqual(300, result.IndexAfterBuild.Documents);
        Assert.AreEqual(300, result.IndexAtEnd.Documents, "syncing items replaces their documents");
        Assert.IsTrue(result.IndexAfterBuild.PublicBytes > 0 && result.IndexAfterBuild.FolderBytes >= result.IndexAfterBuild.PublicBytes, "the index folder's size");
        Assert.IsTrue(result.IndexAfterBuild.Segments > 0);
        Assert.AreEqual(2, result.SyncOne.Count);
        Assert.IsTrue(result.SyncOne.P50 > 0);
        CollectionAssert.AreEqual(
            new[] { PhaseNames.Corpus, PhaseNames.Build, PhaseNames.Sync, PhaseNames.EngineQueries, PhaseNames.BaselineQueries },
            result.Phases.Select(p => p.Name).ToArray());
        foreach (var phase in result.Phases)
        {
            Assert.IsTrue(phase.PeakWorkingSet > 0 && phase.SampledPeakWorkingSet > 0 && phase.PeakManagedHeap > 0 && phase.LiveManagedHeapAfter > 0, phase.Name);
        }
        Assert.IsTrue(result.IndexBuildProcessor > TimeSpan.Zero);

        CollectionAssert.AreEqual(Enum.GetValues<QueryKind>(), result.Kinds.Select(k => k.Kind).ToArray());
        foreach (var kind in result.Kinds)
        {
            Assert.AreEqual(5, kind.Engine.Latency.Count, $"engine, {kind.Kind.Label()}");
            Assert.AreEqual(5, kind.Baseline.Latency.Count, $"baseline, {kind.Kind.Label()}");
            StringAssert.Contains(report, kind.Kind.Label());
        }
        StringAssert.Contains(report, "engine p50");
        StringAssert.Contains(report, "LIKE p50");
        StringAssert.Contains(report, "Lucene.Net");
        Assert.IsFalse(report.Contains("FTS5", StringComparison.Ordinal), report);
        var singleWord = result.Kinds.Single(k => k.Kind == QueryKind.SingleWord);
        Assert.IsTrue(singleWord.Engine.MeanHits > 0, "the engine finds the corpus's words");
        Assert.IsTrue(singleWord.Baseline.MeanHits > 0, "so does the baseline");
        // What the search page shows was made: a page of hits with marked snippets, facet counts, and corrections.
        Assert.AreEqual(20, singleWord.Engine.MeanPageHits, "every single word fills the page");
        Assert.IsTrue(singleWord.Engine.MarkedSnippets > 0, "snippets mark the words");
        Assert.AreEqual(5, singleWord.Engine.WithFacets, "every search with hits counts facets");
        Assert.IsTrue(result.Kinds.Single(k => k.Kind == QueryKind.Misspelled).Engine.Corrected > 0, "misspelled words are corrected");

        var profile = result.Profile!;
        Assert.IsNull(profile.Problem, "the profiler reaches the engine's query builder");
        Assert.IsTrue(profile.Queries.Count > 0);
        Assert.IsTrue(profile.Queries.All(q => !double.IsNaN(q.Times.Count) && !double.IsNaN(q.Times.Snippets)), "every query is profiled in Lucene alone too");
        Assert.IsNotNull(profile.Sync);
        StringAssert.Contains(report, "Engine profile");
    }

    [TestMethod]
    public void The_same_seed_gives_the_same_valid_stories()
    {
        Municipality[] municipalities = [new() { Code = "0880", Name = "Kalmar", County = "Kalmar län", Group = "B3" }];
        var first = new StoryGenerator(7, municipalities);
        var second = new StoryGenerator(7, municipalities);

        for (var i = 0; i < 20; i++)
        {
            var story = first.Next();
            Assert.AreEqual(ContentDocumentSerializer.Serialize(story), ContentDocumentSerializer.Serialize(second.Next()));
            var errors = DocumentValidator.Validate(story);
            Assert.AreEqual(0, errors.Count, string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        }
    }

    [TestMethod]
    public void The_query_mix_is_fixed_by_the_seed_and_even_across_kinds()
    {
        var a = QueryMix.Create(8, 1, ["Kalmar län", "Skåne län"]);
        var b = QueryMix.Create(8, 1, ["Skåne län", "Kalmar län"]);

        CollectionAssert.AreEqual(a.Select(q => (q.Kind, q.Text, q.Filter)).ToList(), b.Select(q => (q.Kind, q.Text, q.Filter)).ToList());
        foreach (var kind in Enum.GetValues<QueryKind>())
        {
            Assert.AreEqual(8, a.Count(q => q.Kind == kind), kind.Label());
        }
        Assert.IsTrue(a.Where(q => q.Kind == QueryKind.Faceted).All(q => q.Filter is not null));
    }

    [TestMethod]
    public void Every_mix_searches_words_that_are_in_nearly_every_story_and_misspelled_words()
    {
        var mix = QueryMix.Create(2, 20261122, ["Kalmar län"]);

        CollectionAssert.AreEquivalent(QueryMix.BroadWords, mix.Where(q => q.Kind == QueryKind.SingleWord).Select(q => q.Text).ToArray());
        CollectionAssert.Contains(QueryMix.BroadWords, "kommunen");
        Assert.AreEqual(2, mix.Count(q => q.Kind == QueryKind.Misspelled));
    }

    [TestMethod]
    public void Several_corpus_sizes_can_be_asked_for_and_unknown_options_are_refused()
    {
        var options = SearchBenchmarkOptions.Parse(CommandLineArguments.Parse(["--stories", "10000", "--stories", "100_000", "--queries", "200"]));

        CollectionAssert.AreEqual(new[] { 10_000, 100_000 }, options.StoryCounts.ToArray());
        Assert.AreEqual(40, options.QueriesPerKind);
        Assert.AreEqual(40, options.ReindexSamples);
        Assert.AreEqual(200, options.Warmup, "five rounds of the mix warm up by default");
        Assert.AreEqual(5, SearchBenchmarkOptions.Parse(CommandLineArguments.Parse(["--warmup", "5"])).Warmup);
        Assert.AreEqual(0, options.ProfileRepetitions, "profiling is off unless asked for");
        Assert.AreEqual(3, SearchBenchmarkOptions.Parse(CommandLineArguments.Parse(["--profile", "3"])).ProfileRepetitions);
        Assert.ThrowsExactly<UsageException>(() => SearchBenchmarkOptions.Parse(CommandLineArguments.Parse(["--stories", "many"])));
        Assert.ThrowsExactly<UsageException>(() => SearchBenchmarkOptions.Parse(CommandLineArguments.Parse(["--storeis", "10"])));
    }

    [TestMethod]
    public async Task An_unknown_benchmark_prints_the_list_and_fails()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var status = await BenchmarkCommand.RunAsync([new SearchBenchmark()], ["exprot"], output, error, CancellationToken.None);

        Assert.AreEqual(BenchmarkCommand.UsageError, status);
        StringAssert.Contains(error.ToString(), "search");
    }
}
