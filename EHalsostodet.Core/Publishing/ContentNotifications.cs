using EHalsostodet.Core.Content;
using EHalsostodet.Core.Notifications;

namespace EHalsostodet.Core.Publishing;

/// <summary>A version became the live version of an item (first publish or republish).</summary>
/// <param name="PreviousDocument">The document that was live until now; null when nothing was. Handlers compare with it
/// rather than with the read model, which the projector has already rewritten when they run.</param>
public sealed record ContentPublishedNotification(
    ContentItem Item, ContentVersion Version, IContentDocument Document, bool IsFirstPublish, IContentDocument? PreviousDocument = null) : INotification;

/// <summary>An item stopped being public (unpublished, archived or trashed).</summary>
public sealed record ContentUnpublishedNotification(ContentItem Item) : INotification;
