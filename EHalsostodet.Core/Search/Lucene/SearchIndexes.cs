using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Microsoft.Extensions.Logging;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// This instance's two Lucene indexes under the index folder: <c>public/</c> (published content)
/// and <c>editorial/</c> (every item's latest version). Each opens on first use and closes with
/// the application, committing what it holds.
/// </summary>
public sealed class SearchIndexes : IDisposable
{
    /// <summary>Raise when the fields or the analysis change: every instance rebuilds its index at the next start.</summary>
    private const int SchemaVersion = 3;

    private readonly Lazy<LuceneIndex> published;
    private readonly Lazy<LuceneIndex> editorial;

    public SearchIndexes(SearchIndexFolder folder, ILoggerFactory logs)
    {
        var logger = logs.CreateLogger<LuceneIndex>();
        Folder = folder.Path;
        var schema = $"{SchemaVersion}-{CompoundSplitter.Default.Hash}";
        published = new(() => new LuceneIndex(System.IO.Path.Combine(Folder, "public"), Analyzer, schema, logger), LazyThreadSafetyMode.ExecutionAndPublication);
        editorial = new(() => new LuceneIndex(System.IO.Path.Combine(Folder, "editorial"), Analyzer, schema, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The analysis of every field given as text: Swedish search terms, and the words as written for spelling (the body comes analysed, <see cref="BodyAnalysis"/>).</summary>
    public static Analyzer Analyzer { get; } = new PerFieldAnalyzerWrapper(
        new SwedishSearchAnalyzer(CompoundSplitter.Default),
        new Dictionary<string, Analyzer>
        {
            [IndexFields.Spelling] = new SpellingAnalyzer(),
        });

    public string Folder { get; }

    public LuceneIndex Public => published.Value;

    public LuceneIndex Editorial => editorial.Value;

    public void Dispose()
    {
        if (published.IsValueCreated)
        {
            published.Value.Dispose();
        }
        if (editorial.IsValueCreated)
        {
            editorial.Value.Dispose();
        }
    }
}

/// <summary>Where this instance keeps its index files (<c>Search:IndexFolder</c>).</summary>
public sealed record SearchIndexFolder(string Path);
