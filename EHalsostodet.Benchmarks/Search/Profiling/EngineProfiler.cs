using System.Diagnostics;
using System.Globalization;
using EHalsostodet.Benchmarks.Infrastructure;
using EHalsostodet.Benchmarks.Measurement;
using EHalsostodet.Benchmarks.Search.Queries;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search;
using EHalsostodet.Core.Search.Lucene;
using EHalsostodet.Core.Search.Query;
using EHalsostodet.Core.Search.Tuning;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Tartarus.Snowball.Ext;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using LuceneQuery = Lucene.Net.Search.Query;
using LuceneTerm = Lucene.Net.Index.Term;

namespace EHalsostodet.Benchmarks.Search.Profiling;

/// <summary>
/// The stages of the engine's work on one query: each the median of the repetitions' CPU time on
/// the thread that ran it, in milliseconds (wall time where the thread's CPU time cannot be read),
/// or the kilobytes one run allocated.
/// </summary>
/// <param name="Page">The engine as the search page calls it: page 1 of 20.</param>
/// <param name="NoPage">The engine with a page size of 0: parse, correct, match, count and facets, but no hits to show.</param>
/// <param name="Count">Lucene alone: count the matches of the engine's query (no scores, no facets).</param>
/// <param name="TopByScore">Lucene alone: the best 20 by score (every match scored, no facets).</param>
/// <param name="Stored">Loading the 20 best hits' stored fields.</param>
/// <param name="Snippets">The highlighter over the 20 hits' stored text, set up as the engine sets it up.</param>
/// <param name="Analyse">The portal's analyzer over the same 20 texts: the tokenizing the highlighter does.</param>
/// <param name="AnalyseWithoutCompounds">The same analysis without the compound splitting.</param>
public sealed record StageTimes(double Page, double NoPage, double Count, double TopByScore, double Stored, double Snippets, double Analyse, double AnalyseWithoutCompounds);

/// <summary>One distinct query of the mix, profiled.</summary>
/// <param name="Times">Milliseconds of CPU per stage.</param>
/// <param name="Allocated">Kilobytes allocated per stage.</param>
public sealed record ProfiledQuery(BenchmarkQuery Query, string? CorrectedTo, int Hits, StageTimes Times, StageTimes Allocated);

/// <summary>The stages of syncing one item, each the median over the items, in milliseconds.</summary>
/// <param name="Read">Reading the item, its facets and its place from the database (three queries).</param>
/// <param name="Document">Deserialising the document, its plain text, and the Lucene document.</param>
/// <param name="Update">IndexWriter.UpdateDocument: analysing and inverting the text, marking the old document deleted.</param>
/// <param name="Refresh">Making the change visible: flushing a new segment, applying the delete, reopening the searcher.</param>
/// <param name="Whole">SearchIndexSync.SyncAsync end to end on other items, for comparison.</param>
/// <param name="UpdateCpu">The thread's CPU time of <paramref name="Update"/>.</param>
/// <param name="RefreshCpu">The thread's CPU time of <paramref name="Refresh"/>.</param>
public sealed record SyncStageTimes(int Items, double Read, double Document, double Update, double Refresh, double Whole, double UpdateCpu, double RefreshCpu);

/// <summary>The stages of building the index's documents for a sample of items, one thread, in milliseconds per item.</summary>
/// <param name="Read">Reading the rows, facets and places, 500 items a query as the rebuild reads them.</param>
/// <param name="Document">Deserialising the document, its plain text, and the Lucene document.</param>
/// <param name="Analyse">Running every indexed field through the index's analysis (what IndexWriter does before inverting).</param>
/// <param name="AnalyseWithoutCompounds">The same without the compound splitting.</param>
/// <param name="LongWords">Words of 8 letters or more in the sample (those the compound splitter tries to split).</param>
/// <param name="DistinctLongWords">How many of them are different words.</param>
/// <param name="AnalyseAllocated">Kilobytes allocated per item by the analysis, and without compound splitting.</param>
public sealed record BuildStageTimes(int Items, double Read, double Document, double Analyse, double AnalyseWithoutCompounds, long LongWords, int DistinctLongWords,
    double AnalyseAllocated, double AnalyseWithoutCompoundsAllocated);

/// <param name="ThreadCpu">Whether the query stages are CPU time of the searching thread (else wall time).</param>
public sealed record EngineProfile(int Repetitions, bool ThreadCpu, IReadOnlyList<ProfiledQuery> Queries, SyncStageTimes? Sync, BuildStageTimes? Build, string? Problem);

/// <summary>
/// Where the engine's time goes: each distinct query of the mix run several times in variants that
/// leave parts of the work out (the engine without a page of hits; Lucene alone counting or
/// ranking the engine's own query; the stored fields, snippets and analysis of a page of hits),
/// and the stages of a sync. Medians of the repetitions, on a machine that may be busy.
/// </summary>
/// <remarks>
/// The engine's own (internal, visible to the benchmarks) query builder and snippet maker are
/// used, so Lucene alone runs exactly the query the engine runs and snippets are made as it makes them.
/// </remarks>
internal sealed class EngineProfiler(BenchmarkDatabase database, int pageSize, int repetitions)
{
    public async Task<EngineProfile> RunAsync(IReadOnlyList<BenchmarkQuery> queries, CancellationToken cancellationToken)
    {
        var indexes = await database.RunAsync(s => Task.FromResult(s.GetRequiredService<SearchIndexes>()));
        var tuning = await database.RunAsync(s => s.GetRequiredService<SearchTuningCache>().GetAsync(cancellationToken).AsTask());
        string? problem = null;
        // The profile writes nothing while it runs, so the searcher's reader stays the one the engine searches.
        var builder = indexes.Public.Search(s => new LuceneQueryBuilder(tuning, s.IndexReader));
        Func<SearchNode, LuceneQuery?> build = builder.Build;

        var profiled = new List<ProfiledQuery>();
        foreach (var query in queries.DistinctBy(q => (q.Kind, q.Text, q.Filter)))
        {
            profiled.Add(await ProfileAsync(indexes, builder, build, query, cancellationToken));
        }
        var sync = await ProfileSyncAsync(indexes, cancellationToken);
        var indexing = await ProfileBuildAsync(cancellationToken);
        var threadCpu = (await ThreadTime.MeasureAsync(() => Task.FromResult(0))).Milliseconds is not null;
        return new EngineProfile(repetitions, threadCpu, profiled, sync, indexing, problem);
    }

    private async Task<ProfiledQuery> ProfileAsync(SearchIndexes indexes, LuceneQueryBuilder builder, Func<SearchNode, LuceneQuery?>? build, BenchmarkQuery query, CancellationToken cancellationToken)
    {
        var request = EngineSearch.Request(query, pageSize);
        SearchResults? results = null;
        var page = await MedianAsync(async () => results = await EngineAsync(request, cancellationToken));
        var noPage = await MedianAsync(() => EngineAsync(request with { PageSize = 0 }, cancellationToken));

        // Lucene alone on the query the engine ran: the correction when it made one.
        var parsed = SearchQueryParser.Parse(results!.DidYouMean ?? query.Text).Root;
        var luceneQuery = parsed is null ? null : build?.Invoke(parsed);
        var none = (double.NaN, double.NaN);
        (double Ms, double Kb) count = none, top = none, stored = none, snippets = none, analyse = none, plain = none;
        if (luceneQuery is not null)
        {
            count = await MedianAsync(() => Task.FromResult(indexes.Public.Search(s =>
            {
                var counter = new TotalHitCountCollector();
                s.Search(luceneQuery, counter);
                return counter.TotalHits;
            })));
            ScoreDoc[] best = [];
            top = await MedianAsync(() => Task.FromResult(best = indexes.Public.Search(s => s.Search(luceneQuery, pageSize).ScoreDocs)));
            var texts = new List<string>();
            stored = await MedianAsync(() => Task.FromResult(texts = indexes.Public.Search(s =>
                best.Select(d => s.Doc(d.Doc).Get(IndexFields.StoredText, CultureInfo.InvariantCulture) ?? "").ToList())));
            // The engine's own snippet maker, set up once per search as the engine sets it up.
            snippets = await MedianAsync(() => Task.FromResult(indexes.Public.Search(s =>
            {
                var maker = new Snippets(builder, parsed, s.IndexReader);
                return texts.Select(maker.For).Count(f => f.Contains("<mark>", StringComparison.Ordinal));
            })));
            analyse = await MedianAsync(() => Task.FromResult(texts.Sum(t => Tokens(SearchIndexes.Analyzer, t))));
            plain = await MedianAsync(() => Task.FromResult(texts.Sum(t => Tokens(WithoutCompounds, t))));
        }
        return new ProfiledQuery(query, results.DidYouMean, results.Total,
            new StageTimes(page.Ms, noPage.Ms, count.Ms, top.Ms, stored.Ms, snippets.Ms, analyse.Ms, plain.Ms),
            new StageTimes(page.Kb, noPage.Kb, count.Kb, top.Kb, stored.Kb, snippets.Kb, analyse.Kb, plain.Kb));
    }

    private Task<SearchResults> EngineAsync(SearchRequest request, CancellationToken cancellationToken) =>
        database.RunAsync(s => s.GetRequiredService<ISearchIndex>().SearchAsync(request, cancellationToken));

    /// <summary>
    /// The median CPU time of the repetitions on the thread that ran them (wall time where that
    /// cannot be read), after one untimed run that counts the kilobytes the work allocates.
    /// </summary>
    private async Task<(double Ms, double Kb)> MedianAsync<T>(Func<Task<T>> work)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var thread = Environment.CurrentManagedThreadId;
        await work();
        var kilobytes = Environment.CurrentManagedThreadId == thread ? (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024.0 : double.NaN;
        var times = new double[repetitions];
        for (var i = 0; i < repetitions; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var (_, processor) = await ThreadTime.MeasureAsync(work);
            times[i] = processor ?? Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[(times.Length - 1) / 2], kilobytes);
    }

    private static IEnumerable<Core.Search.Query.Term> Words(SearchNode node) => node switch
    {
        Core.Search.Query.Term term => [term],
        Phrase phrase => phrase.Terms,
        And and => and.Children.SelectMany(Words),
        Or or => or.Children.SelectMany(Words),
        _ => [],
    };

    private static int Tokens(Analyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream(IndexFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var count = 0;
        while (stream.IncrementToken())
        {
            count += term.Length > 0 ? 1 : 0;
        }
        stream.End();
        return count;
    }

    /// <summary>The portal's analysis without its compound splitting: tokenizer, lower case, Swedish stemming, folding.</summary>
    private static readonly Analyzer WithoutCompounds = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(SwedishSearchAnalyzer.Version, reader) { MaxTokenLength = SwedishSearchAnalyzer.MaxTokenLength };
        TokenStream stream = new LowerCaseFilter(SwedishSearchAnalyzer.Version, source);
        stream = new SnowballFilter(stream, new SwedishStemmer());
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>
    /// The stages of <see cref="SearchIndexSync.SyncAsync"/> done one by one on the same index, as it
    /// does them, for a few items; then SyncAsync itself on as many other items.
    /// </summary>
    private async Task<SyncStageTimes?> ProfileSyncAsync(SearchIndexes indexes, CancellationToken cancellationToken)
    {
        var ids = await database.RunAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
            .OrderBy(p => p.ItemId).Select(p => p.ItemId).ToListAsync(cancellationToken));
        var items = Math.Min(Math.Max(repetitions, 20), ids.Count / 2);
        if (items == 0)
        {
            return null;
        }
        var step = ids.Count / (2 * items);
        var read = new List<double>();
        var document = new List<double>();
        var update = new List<double>();
        var refresh = new List<double>();
        var updateCpu = new List<double>();
        var refreshCpu = new List<double>();
        var whole = new List<double>();
        for (var i = 0; i < items; i++)
        {
            var id = ids[2 * i * step];
            await database.RunAsync(async s =>
            {
                var db = s.GetRequiredService<PortalDbContext>();
                var start = Stopwatch.GetTimestamp();
                var row = await db.PublishedContent.AsNoTracking().SingleAsync(p => p.ItemId == id, cancellationToken);
                var facets = await db.PublishedFacets.AsNoTracking().Where(f => f.ItemId == id).Select(f => new { f.Facet, f.Value }).ToListAsync(cancellationToken);
                var place = row.MunicipalityCode is { } code
                    ? await db.Municipalities.AsNoTracking().Where(m => m.Code == code).Select(m => m.Name + " " + m.County).SingleOrDefaultAsync(cancellationToken)
                    : null;
                read.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

                start = Stopwatch.GetTimestamp();
                var fields = SearchIndexDocuments.Published(row,
                    SearchDocument.From(row.ItemId, ContentDocumentSerializer.Deserialize(row.Type, row.DocumentJson), place), facets.Select(f => (f.Facet, f.Value)));
                document.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

                start = Stopwatch.GetTimestamp();
                var (_, cpu) = await ThreadTime.MeasureAsync(() =>
                {
                    indexes.Public.Update(SearchIndexDocuments.Key(id), fields);
                    return Task.FromResult(true);
                });
                update.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                updateCpu.Add(cpu ?? double.NaN);

                start = Stopwatch.GetTimestamp();
                (_, cpu) = await ThreadTime.MeasureAsync(() =>
                {
                    indexes.Public.Refresh();
                    return Task.FromResult(true);
                });
                refresh.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                refreshCpu.Add(cpu ?? double.NaN);
            });
            var other = ids[(2 * i + 1) * step];
            await SearchIndexBuilder.NewVersionAsync(database, other, cancellationToken);
            var wholeStart = Stopwatch.GetTimestamp();
            await database.RunAsync(s => s.GetRequiredService<SearchIndexSync>().SyncAsync([other], cancellationToken));
            whole.Add(Stopwatch.GetElapsedTime(wholeStart).TotalMilliseconds);
        }
        return new SyncStageTimes(items, Median(read), Median(document), Median(update), Median(refresh), Median(whole), Median(updateCpu), Median(refreshCpu));
    }

    /// <summary>The costly stages of a rebuild, on one thread, for up to <see cref="BuildSample"/> items.</summary>
    private async Task<BuildStageTimes?> ProfileBuildAsync(CancellationToken cancellationToken)
    {
        var ids = await database.RunAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
            .OrderBy(p => p.ItemId).Select(p => p.ItemId).Take(BuildSample).ToListAsync(cancellationToken));
        if (ids.Count == 0)
        {
            return null;
        }
        var documents = new List<List<IIndexableField>>();
        double read = 0, document = 0;
        foreach (var chunk in ids.Chunk(500))
        {
            await database.RunAsync(async s =>
            {
                var db = s.GetRequiredService<PortalDbContext>();
                var start = Stopwatch.GetTimestamp();
                var rows = await db.PublishedContent.AsNoTracking().Where(p => chunk.Contains(p.ItemId)).ToListAsync(cancellationToken);
                var facets = (await db.PublishedFacets.AsNoTracking().Where(f => chunk.Contains(f.ItemId)).Select(f => new { f.ItemId, f.Facet, f.Value }).ToListAsync(cancellationToken))
                    .ToLookup(f => f.ItemId, f => (f.Facet, f.Value));
                var codes = rows.Select(r => r.MunicipalityCode).OfType<string>().Distinct().ToList();
                var places = await db.Municipalities.AsNoTracking().Where(m => codes.Contains(m.Code)).ToDictionaryAsync(m => m.Code, m => m.Name + " " + m.County, cancellationToken);
                read += Stopwatch.GetElapsedTime(start).TotalMilliseconds;

                start = Stopwatch.GetTimestamp();
                documents.AddRange(rows.Select(row => SearchIndexDocuments.Published(row,
                    SearchDocument.From(row.ItemId, ContentDocumentSerializer.Deserialize(row.Type, row.DocumentJson), row.MunicipalityCode is { } code ? places.GetValueOrDefault(code) : null),
                    facets[row.ItemId])));
                document += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            });
        }
        var withoutCompounds = new PerFieldAnalyzerWrapper(WithoutCompounds, new Dictionary<string, Analyzer> { [IndexFields.Spelling] = new SpellingAnalyzer() });
        double allocated = 0;
        double Analyse(Analyzer analyzer)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            foreach (var field in documents.SelectMany(d => d).Where(f => f.IndexableFieldType.IsIndexed && f.IndexableFieldType.IsTokenized))
            {
                using var stream = field.GetTokenStream(analyzer);
                stream.Reset();
                while (stream.IncrementToken())
                {
                }
                stream.End();
            }
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024.0;
            return elapsed;
        }
        Analyse(SearchIndexes.Analyzer);
        var analyse = Analyse(SearchIndexes.Analyzer);
        var analyseAllocated = allocated;
        Analyse(withoutCompounds);
        var plain = Analyse(withoutCompounds);
        var plainAllocated = allocated;

        long longWords = 0;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var spelling = new SpellingAnalyzer();
        foreach (var body in documents.SelectMany(d => d).Where(f => f.Name == IndexFields.Body).Select(f => f.GetStringValue(CultureInfo.InvariantCulture)))
        {
            using var stream = spelling.GetTokenStream(IndexFields.Body, body ?? "");
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (term.Length >= 8)
                {
                    longWords++;
                    distinct.Add(term.ToString());
                }
            }
            stream.End();
        }
        var items = documents.Count;
        return new BuildStageTimes(items, read / items, document / items, analyse / items, plain / items, longWords, distinct.Count,
            analyseAllocated / items, plainAllocated / items);
    }

    private const int BuildSample = 2000;

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[(values.Count - 1) / 2];
    }
}
