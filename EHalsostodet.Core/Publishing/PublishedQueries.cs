using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Publishing;

/// <summary>
/// Reads published content for the public site. Never touches drafts. Tells <see cref="IShownContent"/>
/// what each read shows, for the cache of rendered pages.
/// </summary>
public sealed class PublishedQueries(PortalDbContext db, IShownContent shown)
{
    public async Task<PublishedItem<T>?> FindAsync<T>(ContentType type, string slug, CancellationToken cancellationToken)
        where T : IContentDocument
    {
        var row = await db.PublishedContent.AsNoTracking().FirstOrDefaultAsync(p => p.Type == type && p.Slug == slug, cancellationToken);
        if (row is not null)
        {
            shown.Item(row.ItemId, type);
        }
        return row is null ? null : ToItem<T>(row);
    }

    public async Task<IReadOnlyList<StoryCard>> LatestStoriesAsync(int count, CancellationToken cancellationToken)
    {
        shown.ListOf(ContentType.Story);
        var rows = await db.PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Story)
            .NewestFirst()
            .Take(count).ToListAsync(cancellationToken);
        return await ToCardsAsync(rows, cancellationToken);
    }

    /// <summary>One page of the published stories, in Swedish alphabetical order by title.</summary>
    public async Task<CardPage<StoryCard>> AllStoriesAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        shown.ListOf(ContentType.Story);
        // The order needs Swedish collation, which SQLite lacks: titles are sorted here, and only the page's rows are read.
        var titles = await db.PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Story)
            .Select(p => new { p.ItemId, p.Title })
            .ToListAsync(cancellationToken);
        var ids = titles.OrderBy(t => t.Title, StringComparer.Create(SwedishCulture, false)).ThenBy(t => t.ItemId)
            .Skip(Paging.Skip(page, pageSize)).Take(pageSize).Select(t => t.ItemId).ToList();
        var rows = await db.PublishedInOrderAsync(ids, ContentType.Story, cancellationToken);
        return new CardPage<StoryCard>(await ToCardsAsync(rows, cancellationToken), titles.Count);
    }

    /// <summary>Published stories among the ids, in the order given; unpublished ones are left out.</summary>
    public async Task<IReadOnlyList<StoryCard>> StoriesAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            shown.Item(id, ContentType.Story);
        }
        return await ToCardsAsync(await db.PublishedInOrderAsync(ids, ContentType.Story, cancellationToken), cancellationToken);
    }

    /// <summary>A published collection's published stories in the editors' order.</summary>
    public async Task<IReadOnlyList<StoryCard>> CollectionStoriesAsync(Guid collectionId, CancellationToken cancellationToken) =>
        await StoriesAsync(await db.CollectionStoryIds(collectionId).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>One page of the published stories with the tag, newest first.</summary>
    public async Task<CardPage<StoryCard>> StoriesWithTagAsync(string tagSlug, int page, int pageSize, CancellationToken cancellationToken)
    {
        shown.ListOf(ContentType.Story);
        var stories = db.PublishedStoriesWithTag(tagSlug);
        var total = await stories.CountAsync(cancellationToken);
        var rows = await stories.NewestFirst().Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(cancellationToken);
        return new CardPage<StoryCard>(await ToCardsAsync(rows, cancellationToken), total);
    }

    public async Task<IReadOnlyList<StoryCard>> StoriesReferencingAsync(Guid initiativeId, CancellationToken cancellationToken)
    {
        shown.ListOf(ContentType.Story);
        var rows = await db.PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Story && db.InitiativeReferences.Any(r => r.StoryId == p.ItemId && r.InitiativeId == initiativeId))
            .OrderBy(p => p.Title)
            .ToListAsync(cancellationToken);
        return await ToCardsAsync(rows, cancellationToken);
    }

    public async Task<IReadOnlyList<CollectionCard>> CollectionsWithTagAsync(string tagSlug, CancellationToken cancellationToken)
    {
        shown.ListOf(ContentType.Collection);
        return await CollectionCardsAsync(p => db.PublishedFacets.Any(f => f.ItemId == p.ItemId && f.Facet == FacetNames.Tag && f.Value == tagSlug), cancellationToken);
    }

    public Task<IReadOnlyList<CollectionCard>> CollectionsAsync(CancellationToken cancellationToken)
    {
        shown.ListOf(ContentType.Collection);
        return CollectionCardsAsync(_ => true, cancellationToken);
    }

    /// <summary>Published collections among the ids, by title.</summary>
    public Task<IReadOnlyList<CollectionCard>> CollectionsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        CollectionCardsAsync(p => ids.Contains(p.ItemId), cancellationToken);

    /// <summary>
    /// Not a list of collections to the cache: a collection that takes the story in or lets it go
    /// changes the story itself (<see cref="Instances.CollectionMembersEviction"/>).
    /// </summary>
    public Task<IReadOnlyList<CollectionCard>> CollectionsContainingAsync(Guid storyId, CancellationToken cancellationToken) =>
        CollectionCardsAsync(p => db.CollectionMemberships.Any(m => m.CollectionId == p.ItemId && m.StoryId == storyId), cancellationToken);

    /// <summary>The tags most used by published content, for the start page.</summary>
    public async Task<IReadOnlyList<TagCount>> PopularTagsAsync(int count, CancellationToken cancellationToken)
    {
        shown.ListOf(ContentType.Story);
        shown.ListOf(ContentType.Collection);
        return (await db.PublishedTagCountsAsync(cancellationToken))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Slug, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }

    public async Task<Tag?> TagAsync(string slug, CancellationToken cancellationToken) =>
        await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);

    public async Task<IReadOnlyList<PublishedItem<InitiativeDocument>>> InitiativesAsync(InitiativeArea? area, CancellationToken cancellationToken)
    {
        shown.ListOf(ContentType.Initiative);
        var areaKey = area is { } a ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(a.ToString()) : null;
        var rows = await db.PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Initiative &&
                (areaKey == null || db.PublishedFacets.Any(f => f.ItemId == p.ItemId && f.Facet == FacetNames.InitiativeArea && f.Value == areaKey)))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Title, StringComparer.Create(SwedishCulture, true)).Select(ToItem<InitiativeDocument>).ToList();
    }

    /// <summary>Published initiatives by id, for the references in a story.</summary>
    public async Task<IReadOnlyDictionary<Guid, InitiativeLinkView>> InitiativeLinksAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        foreach (var id in wanted)
        {
            shown.Item(id, ContentType.Initiative);
        }
        var rows = await db.PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Initiative && wanted.Contains(p.ItemId))
            .ToListAsync(cancellationToken);
        return rows.Select(ToItem<InitiativeDocument>).ToDictionary(
            i => i.Id,
            i => new InitiativeLinkView(i.Id, i.Document.Title, i.Document.Slug, i.Document.Links.FirstOrDefault()?.Url, i.Document.Organisations));
    }

    public async Task<MunicipalityInfo?> MunicipalityAsync(string code, CancellationToken cancellationToken)
    {
        var m = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Code == code, cancellationToken);
        return m is null ? null : new MunicipalityInfo(m.Code, m.Name, m.County, m.Group, m.IsExample);
    }

    /// <summary>Municipality names by code, for the codes given.</summary>
    public async Task<IReadOnlyDictionary<string, string>> MunicipalityNamesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        await db.Municipalities.AsNoTracking().Where(m => codes.Contains(m.Code)).ToDictionaryAsync(m => m.Code, m => m.Name, cancellationToken);

    public async Task<IReadOnlyList<PublishedItem<PageDocument>>> PagesAsync(CancellationToken cancellationToken)
    {
        shown.ListOf(ContentType.Page);
        var rows = await db.PublishedContent.AsNoTracking().Where(p => p.Type == ContentType.Page).ToListAsync(cancellationToken);
        return rows.Select(ToItem<PageDocument>).ToList();
    }

    private static readonly System.Globalization.CultureInfo SwedishCulture = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");

    private async Task<IReadOnlyList<CollectionCard>> CollectionCardsAsync(
        System.Linq.Expressions.Expression<Func<PublishedContent, bool>> filter, CancellationToken cancellationToken)
    {
        var rows = await db.PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Collection).Where(filter)
            .Select(p => new
            {
                Row = p,
                Count = db.CollectionMemberships.Count(m => m.CollectionId == p.ItemId &&
                    db.PublishedContent.Any(s => s.ItemId == m.StoryId)),
            })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            shown.Item(row.Row.ItemId, ContentType.Collection);
        }
        return rows
            .OrderBy(r => r.Row.Title, StringComparer.Create(SwedishCulture, true))
            .Select(r =>
            {
                var document = ContentDocumentSerializer.Deserialize<CollectionDocument>(r.Row.DocumentJson);
                return new CollectionCard(r.Row.ItemId, r.Row.Slug, r.Row.Title,
                    Markdown.Teaser.From(document.Description), r.Count, TagLinks(document.Tags), document.HeroImageId);
            })
            .ToList();
    }

    private async Task<IReadOnlyList<StoryCard>> ToCardsAsync(List<PublishedContent> rows, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.MunicipalityCode).OfType<string>().Distinct().ToList();
        var municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => codes.Contains(m.Code))
            .ToDictionaryAsync(m => m.Code, m => new MunicipalityInfo(m.Code, m.Name, m.County, m.Group, m.IsExample), cancellationToken);
        foreach (var row in rows)
        {
            shown.Item(row.ItemId, ContentType.Story);
        }
        return rows.Select(r =>
        {
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(r.DocumentJson);
            return new StoryCard(r.ItemId, r.Slug, r.Title, story.ShortDescription, TagLinks(story.Tags),
                municipalities.GetValueOrDefault(story.MunicipalityCode), story.Outcome, story.OperationalAreas, r.FirstPublishedAt, story.HeroImageId);
        }).ToList();
    }

    public static IReadOnlyList<TagLink> TagLinks(IEnumerable<string> names) =>
        names.Select(n => new TagLink(n, Slugs.FromText(n))).Where(t => t.Slug.Length > 0).DistinctBy(t => t.Slug).ToList();

    private static PublishedItem<T> ToItem<T>(PublishedContent row) where T : IContentDocument =>
        new(row.ItemId, ContentDocumentSerializer.Deserialize<T>(row.DocumentJson), row.FirstPublishedAt, row.PublishedAt, row.LastReviewedAt);
}
