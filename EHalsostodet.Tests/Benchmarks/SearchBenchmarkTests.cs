using EHalsostodet.Benchmarks;
using EHalsostodet.Benchmarks.Search;
using EHalsostodet.Benchmarks.Search.Corpus;
using EHalsostodet.Benchmarks.Search.Queries;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Taxonomy;

namespace EHalsostodet.Tests.Benchmarks;

/// <summary>The search benchmark on a tiny corpus: it runs end to end and measures something real. Nothing here is timed.</summary>
[TestClass]
public sealed class SearchBenchmarkTests
{
    [TestMethod]
    public async Task A_tiny_run_reports_every_query_kind_for_the_engine_and_the_baseline()
    {
        var options = new SearchBenchmarkOptions { StoryCounts = [300], Queries = 25, WarmupPerKind = 1, ReindexSamples = 2, BatchSize = 100 };

        var result = await new SearchBenchmarkRunner(options, TextWriter.Null).RunAsync(300, CancellationToken.None);
        var report = SearchReport.Write(result, options);

        Assert.AreEqual(300, result.Stories);
        CollectionAssert.AreEqual(Enum.GetValues<QueryKind>(), result.Kinds.Select(k => k.Kind).ToArray());
        foreach (var kind in result.Kinds)
        {
            Assert.AreEqual(5, kind.Engine.Latency.Count, $"engine, {kind.Kind.Label()}");
            Assert.AreEqual(5, kind.Baseline.Latency.Count, $"baseline, {kind.Kind.Label()}");
            StringAssert.Contains(report, kind.Kind.Label());
        }
        StringAssert.Contains(report, "engine p50");
        StringAssert.Contains(report, "LIKE p50");
        var singleWord = result.Kinds.Single(k => k.Kind == QueryKind.SingleWord);
        Assert.IsTrue(singleWord.Engine.MeanHits > 0, "the engine finds the corpus's words");
        Assert.IsTrue(singleWord.Baseline.MeanHits > 0, "so does the baseline");
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
    public void Several_corpus_sizes_can_be_asked_for_and_unknown_options_are_refused()
    {
        var options = SearchBenchmarkOptions.Parse(CommandLineArguments.Parse(["--stories", "10000", "--stories", "100_000", "--queries", "200"]));

        CollectionAssert.AreEqual(new[] { 10_000, 100_000 }, options.StoryCounts.ToArray());
        Assert.AreEqual(40, options.QueriesPerKind);
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
