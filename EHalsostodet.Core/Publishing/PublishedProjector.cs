using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Publishing;

/// <summary>
/// Writes the published version of an item into the read model: the row, its facets,
/// collection memberships and knowledge-initiative references, and notes its address in the
/// <see cref="AddressHistory"/> so that it keeps working after a rename. Changes are staged on the
/// context; the caller commits them together with the workflow change.
/// </summary>
public sealed class PublishedProjector(PortalDbContext db, TagDirectory tags, AddressHistory addresses)
{
    public async Task ProjectAsync(ContentItem item, ContentVersion version, IContentDocument document, DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.PublishedContent.FindAsync([item.Id], cancellationToken);
        await RemoveSatellitesAsync(item.Id, cancellationToken);

        var row = existing ?? new PublishedContent { ItemId = item.Id, FirstPublishedAt = now };
        row.Type = item.Type;
        row.Slug = document.Slug;
        row.Title = document.Title;
        row.Teaser = Teaser(document);
        row.VersionId = version.Id;
        row.DocumentJson = version.DocumentJson;
        row.PublishedAt = now;
        row.LastReviewedAt = item.LastReviewedAt;
        row.MunicipalityCode = (document as StoryDocument)?.MunicipalityCode;
        if (existing is null)
        {
            db.PublishedContent.Add(row);
        }
        await addresses.RecordPublishedAsync(item, document.Slug, now, cancellationToken);

        var facets = new HashSet<(string Facet, string Value)>();
        switch (document)
        {
            case StoryDocument story:
                await AddStoryFacetsAsync(story, facets, cancellationToken);
                AddInitiativeReferences(item.Id, story);
                break;
            case CollectionDocument collection:
                await AddTagFacetsAsync(collection.Tags, facets, cancellationToken);
                for (var i = 0; i < collection.StoryIds.Count; i++)
                {
                    db.CollectionMemberships.Add(new CollectionMembership { CollectionId = item.Id, StoryId = collection.StoryIds[i], Position = i });
                }
                break;
            case InitiativeDocument initiative:
                Add(facets, FacetNames.InitiativeArea, initiative.Areas);
                Add(facets, FacetNames.TargetGroup, initiative.TargetGroups);
                Add(facets, FacetNames.SubArea, initiative.SubAreas);
                Add(facets, FacetNames.Sector, initiative.Sectors);
                Add(facets, FacetNames.Format, initiative.Formats);
                foreach (var organisation in initiative.Organisations)
                {
                    facets.Add((FacetNames.Organisation, organisation));
                }
                break;
        }
        foreach (var (facet, value) in facets)
        {
            db.PublishedFacets.Add(new PublishedFacet { ItemId = item.Id, Facet = facet, Value = value });
        }
    }

    public async Task RemoveAsync(Guid itemId, CancellationToken cancellationToken)
    {
        await RemoveSatellitesAsync(itemId, cancellationToken);
        var row = await db.PublishedContent.FindAsync([itemId], cancellationToken);
        if (row is not null)
        {
            db.PublishedContent.Remove(row);
        }
    }

    private async Task RemoveSatellitesAsync(Guid itemId, CancellationToken cancellationToken)
    {
        db.PublishedFacets.RemoveRange(await db.PublishedFacets.Where(f => f.ItemId == itemId).ToListAsync(cancellationToken));
        db.CollectionMemberships.RemoveRange(await db.CollectionMemberships.Where(m => m.CollectionId == itemId).ToListAsync(cancellationToken));
        db.InitiativeReferences.RemoveRange(await db.InitiativeReferences.Where(r => r.StoryId == itemId).ToListAsync(cancellationToken));
    }

    private async Task AddStoryFacetsAsync(StoryDocument story, HashSet<(string, string)> facets, CancellationToken cancellationToken)
    {
        await AddTagFacetsAsync(story.Tags, facets, cancellationToken);
        Add(facets, FacetNames.OperationalArea, story.OperationalAreas);
        Add(facets, FacetNames.Outcome, [story.Outcome]);
        Add(facets, FacetNames.BenefitTarget, story.Benefits.Effects.Select(e => e.Target));
        Add(facets, FacetNames.ProcessStep, story.Process.Steps.Where(HasContent).Select(s => s.Step));

        var municipality = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Code == story.MunicipalityCode, cancellationToken);
        if (municipality is not null)
        {
            facets.Add((FacetNames.Municipality, municipality.Code));
            facets.Add((FacetNames.County, municipality.County));
            facets.Add((FacetNames.MunicipalityGroup, municipality.Group));
        }
    }

    private async Task AddTagFacetsAsync(IEnumerable<string> tagNames, HashSet<(string, string)> facets, CancellationToken cancellationToken)
    {
        foreach (var tag in await tags.EnsureAsync(tagNames, cancellationToken))
        {
            facets.Add((FacetNames.Tag, tag.Slug));
        }
    }

    private void AddInitiativeReferences(Guid storyId, StoryDocument story)
    {
        var references = story.InitiativeReferences().SelectMany(r => r.Ids.Select(id => (id, r.Section))).Distinct();
        foreach (var (initiativeId, section) in references)
        {
            db.InitiativeReferences.Add(new InitiativeReference { StoryId = storyId, InitiativeId = initiativeId, Section = section });
        }
    }

    private static bool HasContent(ProcessStep step) =>
        !string.IsNullOrWhiteSpace(step.What) || !string.IsNullOrWhiteSpace(step.Challenges) || !string.IsNullOrWhiteSpace(step.Lessons);

    private static void Add<T>(HashSet<(string, string)> facets, string facet, IEnumerable<T> values) where T : struct, Enum
    {
        foreach (var value in values)
        {
            facets.Add((facet, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString())));
        }
    }

    private static string Teaser(IContentDocument document) => document switch
    {
        StoryDocument story => story.ShortDescription,
        CollectionDocument collection => collection.Description,
        InitiativeDocument initiative => initiative.Purpose,
        _ => "",
    };
}
