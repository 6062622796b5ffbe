using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// One Lucene index in a folder of its own: a writer, and searchers that see every change as soon
/// as <see cref="Refresh"/> has run (near-real-time, before the change is committed to disk).
/// Changes are committed in the background within half a minute and when the index is closed; an
/// instance that stopped without committing loses nothing the database does not hold, since
/// <see cref="SearchIndexSync"/> compares the index with the database at start.
/// </summary>
/// <remarks>
/// A missing, unreadable or corrupt index, or one written under another <paramref name="schema"/>
/// (fields, analysis or the compound word list changed), is replaced by an empty one and
/// <see cref="IsNew"/> tells the owner to fill it.
/// </remarks>
public sealed class LuceneIndex : IDisposable
{
    private const string SchemaKey = "schema";
    // Committing writes every new segment to disk with fsync; what is not committed yet is caught up from the database at start.
    private static readonly TimeSpan CommitDelay = TimeSpan.FromSeconds(30);

    private readonly string schema;
    private readonly ILogger logger;
    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly Timer committer;
    private readonly System.Threading.Lock commitLock = new();
    private int disposed;

    public LuceneIndex(string folder, Analyzer analyzer, string schema, ILogger logger)
    {
        this.logger = logger;
        this.schema = schema;
        Folder = folder;
        System.IO.Directory.CreateDirectory(folder);
        IsNew = !IsReadable(folder, schema, logger);
        // Small new segments (a publish makes one) stay in memory until they are merged or committed, so a refresh does not wait for the disk.
        directory = new NRTCachingDirectory(Files(folder), maxMergeSizeMB: 5, maxCachedMB: 48);
        try
        {
            writer = new IndexWriter(directory, new IndexWriterConfig(SwedishSearchAnalyzer.Version, analyzer)
            {
                OpenMode = IsNew ? OpenMode.CREATE : OpenMode.APPEND,
                Similarity = Ranking.Similarity,
                RAMBufferSizeMB = 48,
                // Every search pays for each segment (term lookups, scorers, buffers): fewer, larger segments than Lucene's default of ten a tier.
                MergePolicy = new TieredMergePolicy { SegmentsPerTier = 4 },
            });
        }
        catch (LockObtainFailedException e)
        {
            directory.Dispose();
            throw new InvalidOperationException($"Sökindexet i {folder} används redan av en annan process (en portal som kör, eller en ombyggnad). Stoppa den först.", e);
        }
        if (IsNew)
        {
            Commit();
        }
        searchers = new SearcherManager(writer, applyAllDeletes: true, new RankingSearcherFactory());
        committer = new Timer(_ => CommitIfChanged(), null, CommitDelay, CommitDelay);
    }

    public string Folder { get; }

    /// <summary>
    /// The index's files, read with ordinary positional file reads: the system's file cache holds
    /// them, shared and given back under memory pressure, instead of memory-mapped pages that count
    /// in the process's working set (a merge, which reads every segment, took it from 250 to 480 MB
    /// at 100,000 stories). Measured at that size, searches cost the same CPU time either way.
    /// </summary>
    private static LuceneDirectory Files(string folder) => new NIOFSDirectory(new DirectoryInfo(folder));

    /// <summary>The index was created empty when opened: it was missing, unreadable or of another schema.</summary>
    public bool IsNew { get; }

    public void Update(string id, IEnumerable<IIndexableField> document) => writer.UpdateDocument(new Term(IndexFields.Id, id), document);

    public void Add(IEnumerable<IIndexableField> document) => writer.AddDocument(document);

    public void Delete(string id) => writer.DeleteDocuments(new Term(IndexFields.Id, id));

    public void DeleteAll() => writer.DeleteAll();

    /// <summary>Makes every change so far visible to the next search.</summary>
    public void Refresh() => searchers.MaybeRefreshBlocking();

    /// <summary>Runs a search on the current searcher, which stays valid until it returns.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searcher = searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Writes every change to disk, marked with the schema it was written under.</summary>
    public void Commit()
    {
        lock (commitLock)
        {
            writer.SetCommitData(new Dictionary<string, string> { [SchemaKey] = schema });
            writer.Commit();
        }
    }

    internal void CommitIfChanged()
    {
        try
        {
            if (Volatile.Read(ref disposed) == 0 && writer.HasUncommittedChanges())
            {
                Commit();
            }
        }
        catch (ObjectDisposedException)
        {
            // Closed meanwhile; closing committed.
        }
        catch (IOException e)
        {
            // On the timer's thread an exception would end the process; the changes stay in the writer for the next try.
            logger.LogError(e, "Sökindexet i {Folder} kunde inte skrivas till disken; nästa försök om {Seconds} s.", Folder, CommitDelay.TotalSeconds);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        committer.Dispose();
        searchers.Dispose();
        lock (commitLock)
        {
            if (writer.HasUncommittedChanges())
            {
                writer.SetCommitData(new Dictionary<string, string> { [SchemaKey] = schema });
            }
            writer.Dispose();
        }
        directory.Dispose();
    }

    /// <summary>Whether the folder holds a complete index of this schema; a corrupt one is reported and left to be replaced.</summary>
    private static bool IsReadable(string folder, string schema, ILogger logger)
    {
        try
        {
            using var directory = FSDirectory.Open(new DirectoryInfo(folder));
            if (!DirectoryReader.IndexExists(directory))
            {
                logger.LogInformation("Sökindexet i {Folder} saknas och byggs.", folder);
                return false;
            }
            using var reader = DirectoryReader.Open(directory);
            if (!reader.IndexCommit.UserData.TryGetValue(SchemaKey, out var found) || found != schema)
            {
                logger.LogInformation("Sökindexet i {Folder} är av en äldre version ({Found}) och byggs om.", folder, found ?? "okänd");
                return false;
            }
            // Reading every segment's metadata finds truncated and damaged files.
            foreach (var leaf in reader.Leaves)
            {
                _ = leaf.AtomicReader.NumDocs;
            }
            return true;
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException
            or EndOfStreamException or InvalidOperationException or UnauthorizedAccessException or ArgumentException)
        {
            logger.LogWarning(e, "Sökindexet i {Folder} kunde inte läsas och byggs om.", folder);
            return false;
        }
    }
}

/// <summary>Searchers that rank as the index was written.</summary>
internal sealed class RankingSearcherFactory : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Ranking.Similarity };
}

/// <summary>The fields of the portal's indexes.</summary>
public static class IndexFields
{
    public const string Id = "id";
    /// <summary>The item's published version (public index) or concurrency stamp (editorial index): what the database is compared with.</summary>
    public const string Stamp = "stamp";
    /// <summary>The content type's key, to filter on.</summary>
    public const string Type = "type";
    public const string Title = "title";
    public const string Tags = "tags";
    public const string Teaser = "teaser";
    public const string Body = "body";
    /// <summary>The body's words two by two ("forandr arbetssatt"), so that a two-word phrase is one term (<see cref="WordPairFilter"/>).</summary>
    public const string BodyPairs = "body_pairs";
    /// <summary>The words as written, for spelling suggestions.</summary>
    public const string Spelling = "spelling";
    /// <summary>When the item was first published (UTC ticks), for newest first and ties.</summary>
    public const string Published = "published";
    public const string StoredTitle = "s_title";
    public const string StoredUrl = "s_url";
    public const string StoredType = "s_type";
    public const string StoredText = "s_text";
    public const string FacetPrefix = "f_";

    public static string Facet(string facet) => FacetPrefix + facet;
}

/// <summary>How relevance is computed, the same at index and search time.</summary>
internal static class Ranking
{
    public static readonly Similarity Similarity = new BM25Similarity();
}
