using EHalsostodet.Core.Sharing;
using EHalsostodet.Web.Media;

namespace EHalsostodet.Web.Sharing;

/// <summary>
/// What a shareable page tells the layout (OpenGraph, Twitter and canonical metadata) and the
/// share panel (link, e-mail, QR code). Pages put it in ViewData under <see cref="ViewDataKey"/>.
/// </summary>
/// <param name="OgType">"article" for a story, "website" otherwise.</param>
/// <param name="ImageUrl">The absolute address of the page's hero image, for link previews; null without one.</param>
public sealed record SharePage(ShareLink Link, string Description, string OgType, string? ImageUrl = null)
{
    public const string ViewDataKey = "SharePage";

    public static SharePage For(ShareTarget target, string description, string ogType, PublicUrls urls, Guid? heroImageId = null) =>
        new(ShareTargets.LinkFor(target, urls), description, ogType, heroImageId is { } image ? urls.Absolute(MediaUrls.Original(image)) : null);
}
