using System.Text.Json;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Delivery;
using EHalsostodet.Core.Markdown;
using EHalsostodet.Core.Sharing;

namespace EHalsostodet.Web.Api.Delivery;

/// <summary>Turns read-model rows into the delivery API's contracts.</summary>
public sealed class DeliveryMapper(PublicUrls urls)
{
    public DeliveryItem Item(DeliveredItem item)
    {
        var row = item.Row;
        using var document = JsonDocument.Parse(row.DocumentJson);
        return new DeliveryItem(row.ItemId, row.Type.Key(), row.Slug, row.Title, MarkdownRenderer.ToPlainText(row.Teaser),
            urls.Absolute(PortalPaths.Of(row.Type, row.Slug)), row.VersionId,
            row.FirstPublishedAt, row.PublishedAt, row.LastReviewedAt, item.Facets, document.RootElement.Clone());
    }

    public DeliverySummary Summary(DeliveredItem item)
    {
        var row = item.Row;
        return new DeliverySummary(row.ItemId, row.Type.Key(), row.Slug, row.Title, MarkdownRenderer.ToPlainText(row.Teaser),
            urls.Absolute(PortalPaths.Of(row.Type, row.Slug)), Href(row.Type, row.Slug), row.VersionId,
            row.FirstPublishedAt, row.PublishedAt, item.Facets);
    }

    public DeliveryList List(DeliveredPage page, DeliveryPaging paging, HttpRequest request) =>
        new(page.Total, paging.Page, paging.PageSize, page.Items.Select(Summary).ToList(), paging.Links(request, page.Total));

    public string PublicUrl(string path) => urls.Absolute(path);

    /// <summary>The item in this API, by type and slug.</summary>
    public static string Href(ContentType type, string slug) => $"{DeliveryApi.Prefix}/{Segment(type)}/{Uri.EscapeDataString(slug)}";

    public static string Segment(ContentType type) => type switch
    {
        ContentType.Story => "stories",
        ContentType.Collection => "collections",
        ContentType.Initiative => "initiatives",
        ContentType.Page => "pages",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
