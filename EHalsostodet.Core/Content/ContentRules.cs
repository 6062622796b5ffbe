using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Content;

/// <summary>
/// The rules a document must keep that need the database: unique slugs (also against the
/// addresses other items have been published at), municipalities that exist, references to
/// items of the right type.
/// </summary>
public sealed class ContentRules(PortalDbContext db, AddressHistory addresses)
{
    /// <param name="pending">What an import is about to create in the same operation, which references may name.</param>
    public async Task<IReadOnlyList<ValidationError>> CheckAsync(
        ContentType type, Guid itemId, IContentDocument document,
        PendingContent? pending, CancellationToken cancellationToken)
    {
        var errors = DocumentValidator.Validate(document).ToList();
        if (NullFields.In(document).Any(f => !f.NulCharacter))
        {
            // The rules below read those fields; the validator has named every null already.
            return errors;
        }
        if (Slugs.IsValid(document.Slug) && await SlugTakenAsync(type, itemId, document.Slug, cancellationToken) is { } taken)
        {
            errors.Add(new("slug", taken));
        }

        switch (document)
        {
            case StoryDocument story:
                if (!string.IsNullOrWhiteSpace(story.MunicipalityCode) &&
                    pending?.MunicipalityCodes.Contains(story.MunicipalityCode) != true &&
                    !await db.Municipalities.AnyAsync(m => m.Code == story.MunicipalityCode, cancellationToken))
                {
                    errors.Add(new("municipalityCode", $"Det finns ingen kommun med koden \"{story.MunicipalityCode}\"."));
                }
                foreach (var (_, field, ids) in story.InitiativeReferences())
                {
                    await RequireAsync(ids, ContentType.Initiative, field, "inget kunskapshöjande initiativ", pending, errors, cancellationToken);
                }
                await RequireHeroImageAsync(story.HeroImageId, pending, errors, cancellationToken);
                break;
            case CollectionDocument collection:
                await RequireAsync(collection.StoryIds, ContentType.Story, "storyIds", "ingen kommunberättelse", pending, errors, cancellationToken);
                await RequireHeroImageAsync(collection.HeroImageId, pending, errors, cancellationToken);
                break;
        }
        return errors;
    }

    /// <summary>Why another item's slug, live address or old address keeps this item from taking the slug, if it does.</summary>
    private async Task<string?> SlugTakenAsync(ContentType type, Guid itemId, string slug, CancellationToken cancellationToken)
    {
        if (await db.ContentItems.AnyAsync(i => i.Type == type && i.Slug == slug && i.Id != itemId, cancellationToken))
        {
            return $"Adressnamnet \"{slug}\" används redan av ett annat innehåll av samma typ. Välj ett annat.";
        }
        return await addresses.HolderAsync(type, slug, cancellationToken) switch
        {
            { } holder when holder.ItemId == itemId => null,
            { IsLive: true } holder => $"Adressnamnet \"{slug}\" är adressen till ”{holder.Title}” på webbplatsen. Välj ett annat.",
            { } holder => $"Adressnamnet \"{slug}\" är en gammal adress till ”{holder.Title}” och leder dit, så att delade länkar fungerar. " +
                $"Välj ett annat, eller be en administratör ta bort den gamla adressen när ”{holder.Title}” redigeras.",
            null => null,
        };
    }

    /// <summary>
    /// A hero image must be in the media library. Imports are exempt: content files move between
    /// environments without their images, and a missing image is simply not shown.
    /// </summary>
    private async Task RequireHeroImageAsync(Guid? heroImageId, PendingContent? pending, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        if (heroImageId is { } id && pending is null && !await db.MediaItems.AnyAsync(m => m.Id == id, cancellationToken))
        {
            errors.Add(new("heroImageId", "Den valda bilden finns inte i mediebiblioteket. Välj en annan bild eller Ingen bild."));
        }
    }

    private async Task RequireAsync(
        IReadOnlyList<Guid> ids, ContentType type, string field, string missingPhrase,
        PendingContent? pending, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }
        var found = await db.ContentItems.Where(i => ids.Contains(i.Id) && i.Type == type).Select(i => i.Id).ToListAsync(cancellationToken);
        foreach (var id in ids.Where(id => !found.Contains(id)))
        {
            if (pending is null || !pending.Items.TryGetValue(id, out var pendingType) || pendingType != type)
            {
                errors.Add(new(field, $"Det finns {missingPhrase} med id {id}."));
            }
        }
    }
}

/// <summary>Items and municipalities an import will create alongside the document being checked.</summary>
public sealed record PendingContent(IReadOnlyDictionary<Guid, ContentType> Items, IReadOnlySet<string> MunicipalityCodes);
