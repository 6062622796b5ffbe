using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Publishing;

/// <summary>Everything a story page shows: the document and what it refers to.</summary>
public sealed record StoryView(
    Guid Id,
    StoryDocument Document,
    MunicipalityInfo? Municipality,
    IReadOnlyList<CollectionCard> Collections,
    IReadOnlyDictionary<Guid, InitiativeLinkView> Initiatives,
    DateTime? FirstPublishedAt,
    DateTime? LastReviewedAt)
{
    /// <summary>The published initiatives a section refers to; unpublished ones are left out.</summary>
    public IReadOnlyList<InitiativeLinkView> InitiativesFor(IEnumerable<Guid> ids) =>
        ids.Distinct().Where(Initiatives.ContainsKey).Select(id => Initiatives[id]).ToList();
}

/// <summary>Builds a <see cref="StoryView"/> for the public page or for a preview of any version.</summary>
public sealed class StoryViewBuilder(PublishedQueries queries)
{
    public async Task<StoryView> BuildAsync(Guid id, StoryDocument story, DateTime? firstPublishedAt, DateTime? lastReviewedAt, CancellationToken cancellationToken) =>
        new(id, story,
            await queries.MunicipalityAsync(story.MunicipalityCode, cancellationToken),
            await queries.CollectionsContainingAsync(id, cancellationToken),
            await queries.InitiativeLinksAsync(story.InitiativeReferences().SelectMany(r => r.Ids), cancellationToken),
            firstPublishedAt, lastReviewedAt);
}
