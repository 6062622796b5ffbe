using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Events;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Members.Notices;

/// <summary>
/// Turns a publication into notices for the members who follow the story, a collection it
/// joined or one of its tags, and mails those who want mail at once. Runs inside the publishing
/// transaction, so a rolled-back publication notifies nobody.
/// </summary>
public sealed class FollowerNoticeHandler(PortalDbContext db, ImmediateNoticeMailer mailer, TimeProvider clock)
    : IEventHandler<ContentPublished>
{
    public async Task HandleAsync(ContentPublished published, CancellationToken cancellationToken)
    {
        var candidates = published.Document switch
        {
            StoryDocument story => await ForStoryAsync(published, story, cancellationToken),
            CollectionDocument collection => await ForCollectionAsync(published, collection, cancellationToken),
            _ => [],
        };
        var now = clock.GetUtcNow().UtcDateTime;
        // One notice per member and story, however many of their follows match: the
        // candidates come most specific first (the story itself, then collections, then tags).
        var created = candidates
            .DistinctBy(c => (c.UserId, c.ItemId))
            .Select(c => new MemberNotice
            {
                Id = Guid.NewGuid(), UserId = c.UserId, Kind = c.Kind, ItemId = c.ItemId, Text = Shorten(c.Text), Url = c.Url, CreatedAt = now,
            })
            .ToList();
        if (created.Count == 0)
        {
            return;
        }
        db.MemberNotices.AddRange(created);
        await mailer.MailAsync(created, cancellationToken);
    }

    private async Task<List<Candidate>> ForStoryAsync(ContentPublished published, StoryDocument story, CancellationToken cancellationToken)
    {
        var candidates = new List<Candidate>();
        var storyId = published.Item.Id;
        var url = PortalPaths.Of(ContentType.Story, story.Slug);
        // Only the public "what changed" text of the version, never the editors' internal change note.
        var changeNote = published.Version.PublicChangeNote?.Trim() ?? "";
        if (published.PreviousDocument is not null && changeNote.Length > 0)
        {
            var text = $"Berättelsen ”{story.Title}” har uppdaterats: {changeNote}";
            candidates.AddRange((await FollowersAsync(FollowKind.Story, [FollowTarget(storyId)], cancellationToken))
                .Select(f => new Candidate(f.UserId, MemberNoticeKind.StoryUpdated, storyId, text, url)));
        }

        var previousTags = (published.PreviousDocument as StoryDocument)?.Tags.Select(Slugs.FromText).ToHashSet() ?? [];
        var newTags = PublishedQueries.TagLinks(story.Tags).Where(t => !previousTags.Contains(t.Slug)).ToList();
        if (newTags.Count > 0)
        {
            var followers = await FollowersAsync(FollowKind.Tag, newTags.Select(t => t.Slug).ToList(), cancellationToken);
            foreach (var follow in followers)
            {
                var tag = newTags.First(t => t.Slug == follow.Target);
                var text = published.PreviousDocument is null
                    ? $"Ny berättelse med taggen ”{tag.Name}”: ”{story.Title}”"
                    : $"Berättelsen ”{story.Title}” har fått taggen ”{tag.Name}”";
                candidates.Add(new Candidate(follow.UserId, MemberNoticeKind.StoryTagged, storyId, text, url));
            }
        }
        return candidates;
    }

    /// <summary>Stories that were not in the collection's previous published version; a first publication adds none.</summary>
    private async Task<List<Candidate>> ForCollectionAsync(ContentPublished published, CollectionDocument collection, CancellationToken cancellationToken)
    {
        if (published.PreviousDocument is not CollectionDocument previous)
        {
            return [];
        }
        var added = collection.StoryIds.Except(previous.StoryIds).ToList();
        if (added.Count == 0)
        {
            return [];
        }
        var followers = await FollowersAsync(FollowKind.Collection, [FollowTarget(published.Item.Id)], cancellationToken);
        if (followers.Count == 0)
        {
            return [];
        }
        // Only published stories: a draft in the collection's list is not public and never notifies.
        var stories = await db.PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Story && added.Contains(p.ItemId))
            .Select(p => new { p.ItemId, p.Title, p.Slug })
            .ToListAsync(cancellationToken);
        return stories
            .OrderBy(s => added.IndexOf(s.ItemId))
            .SelectMany(s => followers.Select(f => new Candidate(
                f.UserId, MemberNoticeKind.StoryAddedToCollection, s.ItemId,
                $"Berättelsen ”{s.Title}” har lagts till i samlingen ”{collection.Title}”",
                PortalPaths.Of(ContentType.Story, s.Slug))))
            .ToList();
    }

    private Task<List<Follow>> FollowersAsync(FollowKind kind, IReadOnlyList<string> targets, CancellationToken cancellationToken) =>
        db.Follows.AsNoTracking().Where(f => f.Kind == kind && targets.Contains(f.Target)).OrderBy(f => f.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>How a <see cref="Follow"/> names an item.</summary>
    public static string FollowTarget(Guid itemId) => itemId.ToString("D");

    private static string Shorten(string text) => text.Length <= 1000 ? text : text[..999] + "…";

    private sealed record Candidate(string UserId, MemberNoticeKind Kind, Guid ItemId, string Text, string Url);
}
