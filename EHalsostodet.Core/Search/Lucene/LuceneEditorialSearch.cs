using System.Globalization;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Query;
using EHalsostodet.Core.Search.Tuning;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// The back office's search over every item's latest version, drafts included, in this
/// instance's editorial index. Before each search the items whose concurrency stamp changed
/// since they were indexed (every save and workflow step changes it) are indexed again, so the
/// index is current without hooks in every place that changes content.
/// </summary>
public sealed class LuceneEditorialSearch(PortalDbContext db, SearchIndexes indexes, SearchTuningCache tuning, ILogger<LuceneEditorialSearch> logger) : IEditorialSearch
{
    public async Task<EditorialSearchResult> SearchAsync(string text, CancellationToken cancellationToken)
    {
        var parsed = SearchQueryParser.Parse(EditorialQueryText.WithLastWordAsPrefix(text));
        var query = parsed.Root is null ? null : new LuceneQueryBuilder(await tuning.GetAsync(cancellationToken)).Build(parsed.Root);
        if (query is null)
        {
            return new EditorialSearchResult([], parsed.Message ?? SearchQueryParser.EmptyMessage);
        }
        await RefreshAsync(cancellationToken);
        var ids = indexes.Editorial.Search(searcher =>
        {
            var top = searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc));
            return top.ScoreDocs.Select(hit => Guid.ParseExact(searcher.Doc(hit.Doc).Get(IndexFields.Id, CultureInfo.InvariantCulture), "N")).ToList();
        });
        return new EditorialSearchResult(ids, parsed.Message);
    }

    /// <summary>Brings the index in step with the content table: new and changed items in, deleted items out.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var index = indexes.Editorial;
        var indexed = index.Search(s => SearchIndexDocuments.ReadStamps(s.IndexReader));
        var changed = await EditorialIndexRefresh.RunAsync(db, indexed,
            (document, stamp) =>
            {
                index.Update(SearchIndexDocuments.Key(document.ItemId), SearchIndexDocuments.Editorial(document, stamp));
                return Task.CompletedTask;
            },
            id =>
            {
                index.Delete(SearchIndexDocuments.Key(id));
                return Task.CompletedTask;
            }, logger, cancellationToken);
        if (changed > 0)
        {
            index.Refresh();
        }
        return changed;
    }
}
