using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Markdown;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Sharing;
using EHalsostodet.Web.Addresses;
using EHalsostodet.Web.OutputCaching;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EHalsostodet.Web.Feeds;

/// <summary>Atom feeds for readers: the latest stories with a tag, and a collection's stories.</summary>
public static class FeedEndpoints
{
    public const int TagFeedSize = 20;

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/taggar/{slug}/feed", TagFeedAsync).WithMetadata(new OldTagSlugsAttribute(), new PublicPageAttribute { Lists = [ContentType.Story] }).WithTags("Flöden").ExcludeFromDescription();
        app.MapGet("/samlingar/{slug}/feed", CollectionFeedAsync).WithMetadata(new OldContentSlugsAttribute(ContentType.Collection), new PublicPageAttribute { Lists = [ContentType.Collection, ContentType.Story] }).WithTags("Flöden").ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> TagFeedAsync(
        string slug, FeedQueries feeds, PublicUrls urls, CancellationToken cancellationToken)
    {
        if (await feeds.TagAsync(slug, TagFeedSize, cancellationToken) is not ({ } tag, var stories))
        {
            return TypedResults.NotFound();
        }
        var baseUrl = urls.BaseUrl;
        var page = PortalPaths.Tag(tag.Slug);
        return Feed(new AtomFeed(
            baseUrl + PortalPaths.TagFeed(tag.Slug),
            $"E-hälsostödet: kommunberättelser med taggen {tag.Name}",
            $"De senaste kommunberättelserna med taggen {tag.Name}.",
            baseUrl + PortalPaths.TagFeed(tag.Slug), baseUrl + page,
            stories.Count > 0 ? stories.Max(s => s.PublishedAt) : DateTime.UnixEpoch,
            stories.Select(s => Entry(s, baseUrl)).ToList()));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> CollectionFeedAsync(
        string slug, FeedQueries feeds, PublicUrls urls, CancellationToken cancellationToken)
    {
        if (await feeds.CollectionAsync(slug, cancellationToken) is not ({ } collection, var stories))
        {
            return TypedResults.NotFound();
        }
        var baseUrl = urls.BaseUrl;
        var self = baseUrl + PortalPaths.CollectionFeed(collection.Slug);
        return Feed(new AtomFeed(
            self,
            $"E-hälsostödet: samlingen {collection.Title}",
            MarkdownRenderer.ToPlainText(collection.Teaser),
            self, baseUrl + PortalPaths.Of(ContentType.Collection, collection.Slug),
            stories.Select(s => s.PublishedAt).Append(collection.PublishedAt).Max(),
            stories.Select(s => Entry(s, baseUrl)).ToList()));
    }

    private static AtomEntry Entry(PublishedContent story, string baseUrl) => new(
        story.ItemId, story.Title, MarkdownRenderer.ToPlainText(story.Teaser),
        baseUrl + PortalPaths.Of(ContentType.Story, story.Slug), story.FirstPublishedAt, story.PublishedAt);

    private static FileContentHttpResult Feed(AtomFeed feed) => TypedResults.File(feed.ToUtf8(), AtomFeed.ContentType);

}
