using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>Turns content into the documents of the public and the editorial index.</summary>
public static class SearchIndexDocuments
{
    /// <summary>A published item: its text by weight, what a hit shows, its facets and when it was first published.</summary>
    public static List<IIndexableField> Published(PublishedContent row, SearchDocument text, IEnumerable<(string Facet, string Value)> facets)
    {
        var fields = Text(row.ItemId, row.VersionId, text);
        fields.Add(new StoredField(IndexFields.StoredTitle, row.Title));
        fields.Add(new StoredField(IndexFields.StoredUrl, PortalPaths.Of(row.Type, row.Slug)));
        fields.Add(new StoredField(IndexFields.StoredType, row.Type.Key()));
        fields.Add(new StringField(IndexFields.Type, row.Type.Key(), Field.Store.NO));
        fields.Add(new StoredField(IndexFields.StoredText, text.Teaser + "\n" + text.Body));
        fields.Add(new NumericDocValuesField(IndexFields.Published, row.FirstPublishedAt.Ticks));
        foreach (var (facet, value) in facets.Append((FacetLabels.Type, row.Type.Key())).Distinct())
        {
            fields.Add(new SortedSetDocValuesField(IndexFields.Facet(facet), new BytesRef(value)));
        }
        return fields;
    }

    /// <summary>An item's latest version for the back office, with the concurrency stamp it was indexed at.</summary>
    public static List<IIndexableField> Editorial(SearchDocument text, Guid stamp) => Text(text.ItemId, stamp, text);

    /// <summary>The words as written: only which documents have them matters (no positions, frequencies or norms).</summary>
    private static readonly FieldType SpellingField = new(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_ONLY, OmitNorms = true };

    /// <summary>The body's word pairs: which items have a pair, and how often, ranks a two-word phrase; positions are not needed.</summary>
    private static readonly FieldType PairsField = new(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };

    /// <summary>The body as words, as word pairs and as words as written, from one analysis of it.</summary>
    public static IEnumerable<IIndexableField> Body(string body)
    {
        var analysis = new BodyAnalysis(body, CompoundSplitter.Default);
        return [new AnalysedField(IndexFields.Body, TextField.TYPE_NOT_STORED, analysis.Terms), new AnalysedField(IndexFields.BodyPairs, PairsField, analysis.Pairs),
            new AnalysedField(IndexFields.Spelling, SpellingField, analysis.Spelling)];
    }

    /// <summary>A field whose terms come from a stream made anew each time it is read (a stream can be read once).</summary>
    private sealed class AnalysedField(string name, FieldType type, Func<TokenStream> analyse) : Field(name, string.Empty, type)
    {
        public override TokenStream GetTokenStream(Analyzer analyzer) => analyse();
    }

    public static string Key(Guid itemId) => itemId.ToString("N");

    /// <summary>The stamp stored with an item: its id and the version (or concurrency stamp) it was indexed at.</summary>
    public static string Stamp(Guid itemId, Guid version) => Key(itemId) + ":" + Key(version);

    private static List<IIndexableField> Text(Guid itemId, Guid version, SearchDocument text) =>
    [
        new StringField(IndexFields.Id, Key(itemId), Field.Store.YES),
        new BinaryDocValuesField(IndexFields.Stamp, new BytesRef(Stamp(itemId, version))),
        new TextField(IndexFields.Title, text.Title, Field.Store.NO),
        new TextField(IndexFields.Tags, text.Tags, Field.Store.NO),
        new TextField(IndexFields.Teaser, text.Teaser, Field.Store.NO),
        .. Body(text.Body),
        .. new[] { text.Title, text.Tags, text.Teaser }.Select(words => new Field(IndexFields.Spelling, words, SpellingField)),
    ];

    /// <summary>The version the index holds of each of the items it has.</summary>
    public static Dictionary<Guid, Guid> ReadStamps(IndexSearcher searcher, IEnumerable<Guid> itemIds)
    {
        var stamps = new Dictionary<Guid, Guid>();
        var leaves = searcher.IndexReader.Leaves;
        var bytes = new BytesRef();
        foreach (var itemId in itemIds)
        {
            foreach (var hit in searcher.Search(new TermQuery(new Term(IndexFields.Id, Key(itemId))), 1).ScoreDocs)
            {
                var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
                leaf.AtomicReader.GetBinaryDocValues(IndexFields.Stamp)?.Get(hit.Doc - leaf.DocBase, bytes);
                if (Parse(bytes.Utf8ToString()) is { } stamp)
                {
                    stamps[stamp.ItemId] = stamp.Version;
                }
            }
        }
        return stamps;
    }

    /// <summary>Every item in the index with the version it holds, read from doc values (no stored fields).</summary>
    public static Dictionary<Guid, Guid> ReadStamps(IndexReader reader)
    {
        var stamps = new Dictionary<Guid, Guid>(reader.NumDocs);
        var bytes = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var values = segment.GetBinaryDocValues(IndexFields.Stamp);
            if (values is null)
            {
                continue;
            }
            var live = segment.LiveDocs;
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }
                values.Get(doc, bytes);
                if (Parse(bytes.Utf8ToString()) is { } stamp)
                {
                    stamps[stamp.ItemId] = stamp.Version;
                }
            }
        }
        return stamps;
    }

    private static (Guid ItemId, Guid Version)? Parse(string stamp) =>
        stamp.Length == 65 && Guid.TryParseExact(stamp[..32], "N", out var id) && Guid.TryParseExact(stamp[33..], "N", out var version)
            ? (id, version)
            : null;
}
