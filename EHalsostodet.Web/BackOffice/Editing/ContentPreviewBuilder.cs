using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>A document as the public templates show it: the story's view, or the stories a collection or initiative lists.</summary>
public sealed record ContentPreview(IContentDocument Document, StoryView? Story, IReadOnlyList<StoryCard> Stories);

/// <summary>Prepares any version of an item, saved or only typed, for the public site's own templates.</summary>
public sealed class ContentPreviewBuilder(ContentQueries content, PublishedQueries queries, StoryViewBuilder stories)
{
    /// <param name="itemId">Null for an item that is not saved yet.</param>
    public async Task<ContentPreview> BuildAsync(Guid? itemId, IContentDocument document, CancellationToken cancellationToken)
    {
        var id = itemId ?? Guid.Empty;
        var lastReviewedAt = (await content.ItemAsync(id, cancellationToken))?.LastReviewedAt;
        var firstPublishedAt = await content.FirstPublishedAtAsync(id, cancellationToken);
        return document switch
        {
            StoryDocument story => new(document, await stories.BuildAsync(id, story, firstPublishedAt, lastReviewedAt, cancellationToken), []),
            CollectionDocument collection => new(document, null, await queries.StoriesAsync(collection.StoryIds, cancellationToken)),
            InitiativeDocument => new(document, null, await queries.StoriesReferencingAsync(id, cancellationToken)),
            _ => new(document, null, []),
        };
    }
}
