using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search.Query;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Search.Postgres;

/// <summary>
/// Free-text search over published content with PostgreSQL: the project's parser turns any input
/// into a tsquery of parameters, ts_rank_cd ranks title above tags above card text above the
/// rest, words typed without å, ä, ö match the folded vector, ranked lower, and ts_headline
/// picks the snippet.
/// </summary>
public sealed class PostgresSearchIndex(PortalDbContext db, SearchVocabulary vocabulary, SearchMissCounter misses) : ISearchIndex
{
    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var parsed = SearchQueryParser.Parse(request.Query);
        // Without words but with a chosen facet (a tag link, a county) the search lists everything that has it, newest first.
        var browse = string.IsNullOrWhiteSpace(request.Query) && (request.Type is not null || request.Filters?.Values.Any(v => v.Count > 0) == true);
        if (!browse && (parsed.Root is null || TsVectorTable.Queries(parsed.Root, new PostgresParameters()) is null))
        {
            return new SearchResults(0, [], parsed.Message ?? SearchQueryParser.EmptyMessage);
        }
        var filters = new Dictionary<string, IReadOnlyList<string>>(request.Filters ?? new Dictionary<string, IReadOnlyList<string>>(), StringComparer.Ordinal);
        if (request.Type is { } type)
        {
            filters[FacetLabels.Type] = [type.Key()];
        }
        var take = Math.Max(0, request.PageSize);
        var skip = (Math.Max(1, request.Page) - 1) * take;
        PostgresSearchPage found;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            found = await PostgresSearchStatement.RunAsync(db.Database.GetDbConnection(), browse ? null : parsed.Root, filters, request.Newest || browse, skip, take, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var pageIds = found.PageIds;

        var rows = await db.PublishedContent.AsNoTracking().Where(p => pageIds.Contains(p.ItemId)).ToDictionaryAsync(p => p.ItemId, cancellationToken);
        var hits = pageIds.Where(rows.ContainsKey).Select(id =>
        {
            var row = rows[id];
            return new SearchHit(id, row.Type, row.Title, ContentTypeNames.PublicUrl(row.Type, row.Slug), found.Snippets.GetValueOrDefault(id) ?? BrowseSnippet(row));
        }).ToList();
        string? didYouMean = null;
        if (found.Matched == 0 && !browse)
        {
            didYouMean = await vocabulary.DidYouMeanAsync(parsed.PositiveTerms, cancellationToken);
            await misses.CountAsync(parsed.PositiveTerms, cancellationToken);
        }
        return new SearchResults(found.Kept, hits, browse ? null : parsed.Message, didYouMean, found.Facets);
    }

    /// <summary>Browsing has no words to mark: the first sentences of the text, as on SQLite.</summary>
    private static string BrowseSnippet(PublishedContent row)
    {
        var text = SearchDocument.From(row.ItemId, ContentDocumentSerializer.Deserialize(row.Type, row.DocumentJson), null);
        return SnippetBuilder.Build(text.Teaser + "\n" + text.Body, [], []);
    }
}
