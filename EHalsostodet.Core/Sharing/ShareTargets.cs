using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Members.OwnCollections;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Sharing;

/// <summary>A page that can be shared: its title and site-relative path, and the published item behind it if any.</summary>
/// <param name="ItemId">The published item, or null for a member's shared collection (not published content).</param>
public sealed record ShareTarget(Guid? ItemId, string Title, string Path)
{
    public string QrPath => PortalPaths.QrCode(Path);
}

/// <summary>
/// Finds the shareable pages behind a QR code address: published stories and collections by
/// slug, and members' collections shared by link by token. Drafts, unpublished items and revoked
/// tokens are not found.
/// </summary>
public sealed class ShareTargets(PortalDbContext db)
{
    /// <summary>The query parameter that turns a QR code request into a download.</summary>
    public const string DownloadQuery = "ladda-ner";

    public async Task<ShareTarget?> PublishedAsync(ContentType type, string slug, CancellationToken cancellationToken)
    {
        var row = await db.PublishedContent.AsNoTracking()
            .Where(p => p.Type == type && p.Slug == slug)
            .Select(p => new { p.ItemId, p.Title, p.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new ShareTarget(row.ItemId, row.Title, PortalPaths.Of(type, row.Slug));
    }

    public async Task<ShareTarget?> SharedCollectionAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        var name = await db.MemberCollections.AsNoTracking()
            .Where(c => c.ShareToken == token).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        return name is null ? null : new ShareTarget(null, name, PortalPaths.SharedCollection(token));
    }

    public static ShareLink LinkFor(ShareTarget target, PublicUrls urls) => new(target.Title, urls.Absolute(target.Path), target.QrPath);
}
