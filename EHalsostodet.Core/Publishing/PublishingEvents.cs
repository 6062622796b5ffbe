using EHalsostodet.Core.Content;
using EHalsostodet.Core.Events;

namespace EHalsostodet.Core.Publishing;

/// <summary>A version became the live version of an item (first publish or republish).</summary>
/// <param name="PreviousDocument">The document that was live until now; null when nothing was. Handlers compare with it
/// rather than with the read model, which the projector has already rewritten when they run.</param>
public sealed record ContentPublished(
    ContentItem Item, ContentVersion Version, IContentDocument Document, bool IsFirstPublish, IContentDocument? PreviousDocument = null) : IContentEvent;

/// <summary>An item stopped being public (unpublished, archived or trashed).</summary>
public sealed record ContentUnpublished(ContentItem Item) : IContentEvent;
