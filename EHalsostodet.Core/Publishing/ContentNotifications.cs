using EHalsostodet.Core.Content;
using EHalsostodet.Core.Notifications;

namespace EHalsostodet.Core.Publishing;

/// <summary>A version became the live version of an item (first publish or republish).</summary>
public sealed record ContentPublishedNotification(
    ContentItem Item, ContentVersion Version, IContentDocument Document, bool IsFirstPublish) : INotification;

/// <summary>An item stopped being public (unpublished, archived or trashed).</summary>
public sealed record ContentUnpublishedNotification(ContentItem Item) : INotification;
