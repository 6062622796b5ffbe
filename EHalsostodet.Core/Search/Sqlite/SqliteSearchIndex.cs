using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Query;
using EHalsostodet.Core.Search.Text;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Search.Sqlite;

/// <summary>
/// Free-text search over published content with SQLite FTS5: the project's parser turns any
/// input into a safe query over stemmed terms, bm25 ranks title above tags above card text
/// above the rest, and words typed without å, ä, ö match the folded columns, ranked lower.
/// </summary>
public sealed class SqliteSearchIndex(PortalDbContext db, SearchVocabulary vocabulary, SearchMissCounter misses) : ISearchIndex
{
    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var parsed = SearchQueryParser.Parse(request.Query);
        // Without words but with a chosen facet (a tag link, a county) the search lists everything that has it, newest first.
        var browse = string.IsNullOrWhiteSpace(request.Query) && (request.Type is not null || request.Filters?.Values.Any(v => v.Count > 0) == true);
        var match = parsed.Root is null ? "" : Fts5Table.Match(parsed.Root);
        if (!browse && match.Length == 0)
        {
            return new SearchResults(0, [], parsed.Message ?? "Skriv ett eller flera ord att söka efter.");
        }
        var filters = new Dictionary<string, IReadOnlyList<string>>(request.Filters ?? new Dictionary<string, IReadOnlyList<string>>(), StringComparer.Ordinal);
        if (request.Type is { } type)
        {
            filters["type"] = [type.Key()];
        }
        var take = Math.Max(0, request.PageSize);
        var skip = (Math.Max(1, request.Page) - 1) * take;
        SqliteSearchPage found;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            found = await SqliteSearchStatement.RunAsync(db.Database.GetDbConnection(), browse ? null : match, filters, request.Newest || browse, skip, take, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var pageIds = found.PageIds;

        var rows = await db.PublishedContent.AsNoTracking().Where(p => pageIds.Contains(p.ItemId)).ToDictionaryAsync(p => p.ItemId, cancellationToken);
        var stems = parsed.PositiveTerms.Select(StemTerm).Where(t => t.Length > 0).ToHashSet();
        var prefixes = PrefixTerms(parsed.Root).Select(t => SearchText.Fold(t.ToLowerInvariant())).ToList();
        var hits = pageIds.Where(rows.ContainsKey).Select(id =>
        {
            var row = rows[id];
            var text = SearchDocument.From(id, ContentDocumentSerializer.Deserialize(row.Type, row.DocumentJson), null);
            return new SearchHit(id, row.Type, row.Title, ContentTypeNames.PublicUrl(row.Type, row.Slug), SnippetBuilder.Build(text.Teaser + "\n" + text.Body, stems, prefixes));
        }).ToList();
        string? didYouMean = null;
        if (found.Matched == 0 && !browse)
        {
            didYouMean = await vocabulary.DidYouMeanAsync(parsed.PositiveTerms, cancellationToken);
            await misses.CountAsync(parsed.PositiveTerms, cancellationToken);
        }
        return new SearchResults(found.Kept, hits, browse ? null : parsed.Message, didYouMean, found.Facets);
    }

    private static IEnumerable<string> PrefixTerms(SearchNode? node) => node switch
    {
        Term { IsPrefix: true } term => [term.Text],
        And and => and.Children.SelectMany(PrefixTerms),
        Or or => or.Children.SelectMany(PrefixTerms),
        _ => [],
    };

    private static string StemTerm(string term) => Fts5Table.StemTerm(term);
}
