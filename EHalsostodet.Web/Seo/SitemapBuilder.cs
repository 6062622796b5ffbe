using System.Globalization;
using System.Xml.Linq;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Sharing;

namespace EHalsostodet.Web.Seo;

/// <summary>
/// The sitemap (sitemaps.org 0.9): every published story, collection, initiative and page, every
/// tag that published content carries, and the list pages. It reads only the published read
/// model, so drafts, shared links and member pages can never be in it.
/// </summary>
public sealed class SitemapBuilder(SitemapQueries queries, PublicUrls urls)
{
    public static readonly XNamespace Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public async Task<XDocument> BuildAsync(CancellationToken cancellationToken)
    {
        var items = await queries.ItemsAsync(cancellationToken);
        var tags = await queries.TagsAsync(cancellationToken);

        DateTime? Latest(params ContentType[] types) =>
            items.Where(i => types.Length == 0 || types.Contains(i.Type)).Select(i => (DateTime?)i.PublishedAt).Max();

        var entries = new List<(string Path, DateTime? LastModified)>
        {
            (PortalPaths.Home, Latest()),
            (PortalPaths.StoryList, Latest(ContentType.Story)),
            (PortalPaths.CollectionList, Latest(ContentType.Collection)),
            (PortalPaths.TagList, Latest(ContentType.Story, ContentType.Collection)),
            (PortalPaths.InitiativeList, Latest(ContentType.Initiative)),
        };
        entries.AddRange(items
            .OrderBy(i => i.Type).ThenBy(i => i.Slug, StringComparer.Ordinal)
            .Select(i => (PortalPaths.Of(i.Type, i.Slug), (DateTime?)i.PublishedAt)));
        entries.AddRange(tags
            .OrderBy(t => t.Slug, StringComparer.Ordinal)
            .Select(t => (PortalPaths.Tag(t.Slug), (DateTime?)t.LastModified)));

        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Namespace + "urlset", entries.Select(e => new XElement(Namespace + "url",
                new XElement(Namespace + "loc", urls.Absolute(e.Path)),
                e.LastModified is { } modified
                    ? new XElement(Namespace + "lastmod", DateTime.SpecifyKind(modified, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                    : null))));
    }
}
