using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Events;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Taxonomy;

/// <summary>
/// A tag, how many items (not in the trash) carry it in their latest version, and how many
/// published items carry it live.
/// </summary>
public sealed record TagUse(Tag Tag, int Count, int LiveCount = 0);

/// <summary>The outcome of renaming, merging or deleting a tag, in Swedish; <paramref name="Forbidden"/> when the role is not enough.</summary>
public sealed record TagChangeResult(bool Succeeded, string Message, bool Forbidden = false);

/// <summary>
/// Renames, merges and deletes tags. Documents carry tag names, so every item that uses the tag
/// gets a new version with the new tag list (its audit entry says why), and an item whose live
/// version was its latest is published again, so the read model, facets and search index follow;
/// one whose approved, scheduled version was its latest has the new version scheduled instead.
/// An item that has an unapproved draft keeps its live version until the draft is approved.
/// An old address is kept in the <see cref="AddressHistory"/> and leads to the tag that replaced it.
/// A change to a tag that published or scheduled content carries goes live without review, so only
/// a Granskare or an Administratör may make it; a Redaktör may change tags that only drafts carry.
/// </summary>
public sealed class TagManager(PortalDbContext db, UnitOfWork unitOfWork, ContentStore store, ContentPublisher publisher, AuditLog audit, AddressHistory addresses)
{
    private static readonly ContentType[] TaggedTypes = [ContentType.Story, ContentType.Collection];

    public async Task<IReadOnlyList<TagUse>> ListAsync(CancellationToken cancellationToken)
    {
        var tags = await db.Tags.AsNoTracking().ToListAsync(cancellationToken);
        var counts = (await TaggedItemsAsync(cancellationToken))
            .SelectMany(t => Tags(t.Document).Select(Slugs.FromText).Distinct())
            .CountBy(slug => slug)
            .ToDictionary(p => p.Key, p => p.Value);
        var live = await db.PublishedFacets.AsNoTracking().Where(f => f.Facet == FacetNames.Tag)
            .GroupBy(f => f.Value).Select(g => new { Slug = g.Key, Count = g.Select(f => f.ItemId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Slug, g => g.Count, cancellationToken);
        var swedish = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), ignoreCase: true);
        return tags.Select(t => new TagUse(t, counts.GetValueOrDefault(t.Slug), live.GetValueOrDefault(t.Slug))).OrderBy(u => u.Tag.Name, swedish).ToList();
    }

    public async Task<TagChangeResult> RenameAsync(Guid tagId, string newName, WorkflowActor actor, CancellationToken cancellationToken)
    {
        newName = (newName ?? "").Trim();
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == tagId, cancellationToken);
        if (tag is null)
        {
            return new(false, "Taggen finns inte längre.");
        }
        if (await RefusedForRoleAsync(tag, actor, "byta namn på", cancellationToken) is { } refused)
        {
            return refused;
        }
        var author = actor.AsAuthor();
        var newSlug = Slugs.FromText(newName);
        if (newSlug.Length == 0 || newName.Length > 60)
        {
            return new(false, "Skriv ett nytt namn med högst 60 tecken, med minst en bokstav eller siffra.");
        }
        if (newSlug != tag.Slug && await db.Tags.AnyAsync(t => t.Slug == newSlug, cancellationToken))
        {
            return new(false, $"Det finns redan en tagg som heter ”{newName}”. Slå ihop taggarna i stället.");
        }
        if (newName == tag.Name)
        {
            return new(false, "Det nya namnet är samma som det gamla.");
        }
        if (await addresses.TagAtOldAddressAsync(newSlug, cancellationToken) is { } leadsTo && leadsTo.Id != tag.Id)
        {
            return new(false, $"”{newName}” är ett gammalt namn på taggen ”{leadsTo.Name}”, och dess adress leder dit. Välj ett annat namn, eller slå ihop taggarna.");
        }
        var oldName = tag.Name;
        var oldSlug = tag.Slug;
        return await InTransactionAsync(async () =>
        {
            tag.Name = newName;
            tag.Slug = newSlug;
            if (newSlug != oldSlug)
            {
                await addresses.RecordTagMovedAsync(oldSlug, tag, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            var changed = await RewriteAsync(oldSlug, newName, $"Taggen ”{oldName}” bytte namn till ”{newName}”", author, cancellationToken);
            return new TagChangeResult(true, $"Taggen ”{oldName}” heter nu ”{newName}”. {Items(changed)} har fått en ny version.");
        }, cancellationToken);
    }

    public async Task<TagChangeResult> MergeAsync(Guid sourceId, Guid targetId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var source = await db.Tags.FirstOrDefaultAsync(t => t.Id == sourceId, cancellationToken);
        var target = await db.Tags.FirstOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (source is null || target is null)
        {
            return new(false, "Välj två taggar som finns.");
        }
        if (source.Id == target.Id)
        {
            return new(false, "Välj två olika taggar att slå ihop.");
        }
        if (await RefusedForRoleAsync(source, actor, "slå ihop", cancellationToken) is { } refused)
        {
            return refused;
        }
        var author = actor.AsAuthor();
        return await InTransactionAsync(async () =>
        {
            var changed = await RewriteAsync(source.Slug, target.Name, $"Taggen ”{source.Name}” slogs ihop med ”{target.Name}”", author, cancellationToken);
            await addresses.MoveTagAddressesAsync(source.Id, target, cancellationToken);
            await addresses.RecordTagMovedAsync(source.Slug, target, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.Tags.Remove(source);
            await db.SaveChangesAsync(cancellationToken);
            return new TagChangeResult(true, $"Taggen ”{source.Name}” är ihopslagen med ”{target.Name}”. {Items(changed)} har fått en ny version.");
        }, cancellationToken);
    }

    /// <param name="removeFromContent">Whether the editor confirmed that the tag goes from every item that carries it.</param>
    public async Task<TagChangeResult> DeleteAsync(Guid tagId, bool removeFromContent, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == tagId, cancellationToken);
        if (tag is null)
        {
            return new(false, "Taggen finns inte längre.");
        }
        if (await RefusedForRoleAsync(tag, actor, "ta bort", cancellationToken) is { } refused)
        {
            return refused;
        }
        var author = actor.AsAuthor();
        var uses = (await TaggedItemsAsync(cancellationToken)).Count(t => Tags(t.Document).Any(n => Slugs.FromText(n) == tag.Slug));
        if (uses > 0 && !removeFromContent)
        {
            return new(false, $"Taggen ”{tag.Name}” används av {Items(uses)}. Kryssa i att den ska tas bort från innehållet för att ta bort den.");
        }
        return await InTransactionAsync(async () =>
        {
            var changed = await RewriteAsync(tag.Slug, null, $"Taggen ”{tag.Name}” togs bort", author, cancellationToken);
            db.Tags.Remove(tag);
            await db.SaveChangesAsync(cancellationToken);
            return new TagChangeResult(true, changed == 0
                ? $"Taggen ”{tag.Name}” är borttagen."
                : $"Taggen ”{tag.Name}” är borttagen från {Items(changed)} och från taggarna.");
        }, cancellationToken);
    }

    /// <summary>
    /// A change to a tag that published content carries republishes that content at once, without
    /// review: only a Granskare or Administratör may do it. Tags that only drafts carry are the
    /// editors' own, since every draft still goes through review.
    /// </summary>
    private async Task<TagChangeResult?> RefusedForRoleAsync(Tag tag, WorkflowActor actor, string verb, CancellationToken cancellationToken)
    {
        if (actor.CanReview)
        {
            return null;
        }
        var live = await db.PublishedFacets.Where(f => f.Facet == FacetNames.Tag && f.Value == tag.Slug).Select(f => f.ItemId).ToListAsync(cancellationToken);
        var scheduled = (await TaggedItemsAsync(cancellationToken))
            .Where(t => t.Item.State == WorkflowState.Scheduled && Tags(t.Document).Any(n => Slugs.FromText(n) == tag.Slug))
            .Select(t => t.Item.Id);
        var count = live.Concat(scheduled).Distinct().Count();
        return count == 0 ? null : new TagChangeResult(false,
            $"Taggen ”{tag.Name}” finns på {Items(count)} som är publicerat eller schemalagt, och ändringen skulle publiceras utan granskning. " +
            $"Bara en Granskare eller Administratör kan {verb} den. Be en granskare om hjälp.", Forbidden: true);
    }

    /// <summary>Gives every item whose latest version carries the tag a new version with the tag replaced (or removed).</summary>
    private async Task<int> RewriteAsync(string slug, string? replacement, string changeNote, ContentAuthor author, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var (item, document) in await TaggedItemsAsync(cancellationToken))
        {
            var tags = Tags(document);
            if (!tags.Any(n => Slugs.FromText(n) == slug))
            {
                continue;
            }
            var newTags = tags.Select(n => Slugs.FromText(n) == slug ? replacement : n)
                .OfType<string>()
                .DistinctBy(Slugs.FromText)
                .ToList();
            IContentDocument newDocument = document switch
            {
                StoryDocument story => story with { Tags = newTags },
                CollectionDocument collection => collection with { Tags = newTags },
                _ => document,
            };
            var wasLive = item.PublishedVersionId is not null && item.PublishedVersionId == item.LatestVersionId;
            var wasScheduled = item.State == WorkflowState.Scheduled;
            var result = await store.SaveAsync(item.Id, newDocument, null, author, changeNote, null, cancellationToken);
            if (result is not SaveResult.Saved saved)
            {
                throw new InvalidOperationException($"”{item.Title}” kunde inte sparas med de nya taggarna.");
            }
            if (wasLive)
            {
                var from = saved.Item.State;
                await publisher.PublishAsync(saved.Item, saved.Version, cancellationToken);
                audit.Record(saved.Item, AuditLog.Published, from, WorkflowState.Published, saved.Version.Number, author.UserId, author.Name, changeNote);
                await db.SaveChangesAsync(cancellationToken);
            }
            else if (wasScheduled)
            {
                // The approved version goes live at its time with the new tags, as a live one is republished with them.
                saved.Item.ScheduledVersionId = saved.Version.Id;
                saved.Item.State = WorkflowState.Scheduled;
                audit.Record(saved.Item, AuditLog.ScheduledPublish, WorkflowState.Draft, WorkflowState.Scheduled, saved.Version.Number, author.UserId, author.Name, changeNote);
                await db.SaveChangesAsync(cancellationToken);
            }
            changed++;
        }
        return changed;
    }

    private async Task<List<(ContentItem Item, IContentDocument Document)>> TaggedItemsAsync(CancellationToken cancellationToken)
    {
        var items = await db.ContentItems
            .Where(i => TaggedTypes.Contains(i.Type) && i.State != WorkflowState.Trashed && i.LatestVersionId != null)
            .ToListAsync(cancellationToken);
        var ids = items.Select(i => i.LatestVersionId!.Value).ToList();
        var json = await db.ContentVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.DocumentJson, cancellationToken);
        return items.Select(i => (i, ContentDocumentSerializer.Deserialize(i.Type, json[i.LatestVersionId!.Value]))).ToList();
    }

    private static IReadOnlyList<string> Tags(IContentDocument document) => document switch
    {
        StoryDocument story => story.Tags,
        CollectionDocument collection => collection.Tags,
        _ => [],
    };

    private static string Items(int count) => count == 1 ? "1 innehåll" : $"{count} innehåll";

    private async Task<TagChangeResult> InTransactionAsync(Func<Task<TagChangeResult>> work, CancellationToken cancellationToken)
    {
        await using var unit = await unitOfWork.BeginAsync(cancellationToken);
        try
        {
            var result = await work();
            await unit.CompleteAsync(cancellationToken);
            return result;
        }
        catch (InvalidOperationException e)
        {
            await unit.DisposeAsync(); // rolls back now, before the tracked changes are forgotten
            db.ChangeTracker.Clear();
            return new(false, e.Message + " Inget har ändrats.");
        }
    }
}
