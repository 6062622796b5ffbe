using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;

namespace EHalsostodet.Core.Search;

/// <summary>A search hit with what its card shows, like every other card: a story's municipality, outcome, tags and date; a collection's tags; an initiative's organisations.</summary>
public sealed record SearchHitCard(SearchHit Hit, StoryCard? Story = null, CollectionCard? Collection = null, InitiativeLinkView? Initiative = null)
{
    public IReadOnlyList<TagLink> Tags => Story?.Tags ?? Collection?.Tags ?? [];
}

/// <summary>Reads the card details of a page of hits from the published tables (one query per content type among the hits).</summary>
public sealed class SearchHitCards(PublishedQueries queries)
{
    public async Task<IReadOnlyList<SearchHitCard>> ForAsync(IReadOnlyList<SearchHit> hits, CancellationToken cancellationToken)
    {
        List<Guid> Ids(ContentType type) => hits.Where(h => h.Type == type).Select(h => h.Id).ToList();
        var storyIds = Ids(ContentType.Story);
        var collectionIds = Ids(ContentType.Collection);
        var initiativeIds = Ids(ContentType.Initiative);
        var stories = storyIds.Count == 0 ? [] : (await queries.StoriesAsync(storyIds, cancellationToken)).ToDictionary(s => s.Id);
        var collections = collectionIds.Count == 0 ? [] : (await queries.CollectionsAsync(collectionIds, cancellationToken)).ToDictionary(c => c.Id);
        var initiatives = initiativeIds.Count == 0 ? new Dictionary<Guid, InitiativeLinkView>() : await queries.InitiativeLinksAsync(initiativeIds, cancellationToken);
        return hits.Select(h => new SearchHitCard(h, stories.GetValueOrDefault(h.Id), collections.GetValueOrDefault(h.Id), initiatives.GetValueOrDefault(h.Id))).ToList();
    }
}
