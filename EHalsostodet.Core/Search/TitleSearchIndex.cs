using System.Globalization;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Search;

/// <summary>
/// The interim search: every word must occur in an item's title or card text, ignoring case
/// and diacritics (so "aldreomsorg" finds "äldreomsorg"). Reads only the published read model.
/// </summary>
public sealed class TitleSearchIndex(PortalDbContext db) : ISearchIndex
{
    public const int MaxQueryLength = 500;
    // Invariant, not Swedish: Swedish collation treats å, ä and ö as letters of their own, not as a and o with marks.
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var query = request.Query.Trim();
        if (query.Length > MaxQueryLength)
        {
            query = query[..MaxQueryLength];
        }
        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .ToList();
        if (words.Count == 0)
        {
            return new SearchResults(0, [], "Skriv ett eller flera ord att söka efter.");
        }
        var rows = await db.PublishedContent.AsNoTracking()
            .Select(p => new { p.ItemId, p.Type, p.Slug, p.Title, p.Teaser })
            .ToListAsync(cancellationToken);
        var matches = rows
            .Where(r => words.All(w => Contains(r.Title, w) || Contains(r.Teaser, w)))
            .OrderByDescending(r => words.Count(w => Contains(r.Title, w)))
            .ThenBy(r => r.Title, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), true))
            .ToList();
        var page = Math.Max(1, request.Page);
        var hits = matches
            .Skip((page - 1) * request.PageSize).Take(request.PageSize)
            .Select(r => new SearchHit(r.ItemId, r.Type, r.Title, ContentTypeNames.PublicUrl(r.Type, r.Slug),
                Markdown.MarkdownRenderer.ToPlainText(r.Teaser)))
            .ToList();
        return new SearchResults(matches.Count, hits);
    }

    private static bool Contains(string text, string word) =>
        Compare.IndexOf(text, word, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;
}
