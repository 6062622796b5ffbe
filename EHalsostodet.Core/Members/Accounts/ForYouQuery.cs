using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Members.Accounts;

/// <summary>A story suggested to a member, and why it is shown.</summary>
public sealed record ForYouEntry(StoryCard Story, string Reason);

/// <summary>"För dig" on the start page: stories with the member's interests, and stories from municipalities like theirs.</summary>
public sealed record ForYou(IReadOnlyList<ForYouEntry> ByInterest, IReadOnlyList<ForYouEntry> FromSimilarMunicipalities, bool HasProfile)
{
    public bool IsEmpty => ByInterest.Count == 0 && FromSimilarMunicipalities.Count == 0;
}

/// <summary>
/// Builds "För dig" from a member's profile and the published read model only, so a draft never shows.
/// Municipalities are alike when they are in the same SKR kommungrupp, which reflects size and structure;
/// when no story comes from that group, the same county is the next best.
/// </summary>
public sealed class ForYouQuery(PortalDbContext db, PublishedQueries queries)
{
    public const int InterestCount = 6;
    public const int MunicipalityCount = 3;

    public async Task<ForYou> ForMemberAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = await db.MemberProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null || (profile.Interests.Count == 0 && profile.MunicipalityCode is null))
        {
            return new ForYou([], [], HasProfile: false);
        }
        var byInterest = await ByInterestAsync(profile.Interests, cancellationToken);
        var shown = byInterest.Select(e => e.Story.Id).ToHashSet();
        var similar = profile.MunicipalityCode is null
            ? []
            : await FromSimilarMunicipalitiesAsync(profile.MunicipalityCode, shown, cancellationToken);
        return new ForYou(byInterest, similar, HasProfile: true);
    }

    private async Task<IReadOnlyList<ForYouEntry>> ByInterestAsync(IReadOnlyList<string> interests, CancellationToken cancellationToken)
    {
        if (interests.Count == 0)
        {
            return [];
        }
        var matches = await db.PublishedFacets.AsNoTracking()
            .Where(f => f.Facet == FacetNames.Tag && interests.Contains(f.Value) &&
                db.PublishedContent.Any(p => p.ItemId == f.ItemId && p.Type == ContentType.Story))
            .Select(f => new { f.ItemId, f.Value })
            .ToListAsync(cancellationToken);
        var ranked = matches.GroupBy(m => m.ItemId)
            .Select(g => new { ItemId = g.Key, Tags = g.Select(m => m.Value).ToList() })
            .ToList();
        var published = await FirstPublishedAsync(ranked.Select(r => r.ItemId).ToList(), cancellationToken);
        var top = ranked
            .OrderByDescending(r => r.Tags.Count).ThenByDescending(r => published.GetValueOrDefault(r.ItemId))
            .Take(InterestCount)
            .ToList();
        var cards = await queries.StoriesAsync(top.Select(r => r.ItemId).ToList(), cancellationToken);
        var tagNames = await db.Tags.AsNoTracking().Where(t => interests.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, t => t.Name, cancellationToken);
        return cards.Select(card =>
        {
            var tags = top.First(r => r.ItemId == card.Id).Tags
                .OrderBy(t => IndexOf(interests, t))
                .Select(t => tagNames.GetValueOrDefault(t, t))
                .ToList();
            return new ForYouEntry(card, InterestReason(tags));
        }).ToList();
    }

    private async Task<IReadOnlyList<ForYouEntry>> FromSimilarMunicipalitiesAsync(string code, HashSet<Guid> shown, CancellationToken cancellationToken)
    {
        var own = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Code == code, cancellationToken);
        if (own is null)
        {
            return [];
        }
        var candidates = await db.PublishedFacets.AsNoTracking()
            .Where(f => (f.Facet == FacetNames.Municipality && f.Value == own.Code) ||
                        (f.Facet == FacetNames.MunicipalityGroup && f.Value == own.Group) ||
                        (f.Facet == FacetNames.County && f.Value == own.County))
            .Where(f => db.PublishedContent.Any(p => p.ItemId == f.ItemId && p.Type == ContentType.Story))
            .Select(f => new { f.ItemId, f.Facet })
            .ToListAsync(cancellationToken);
        var published = await FirstPublishedAsync(candidates.Select(c => c.ItemId).Distinct().ToList(), cancellationToken);
        // Own municipality first, then the same group; the county only fills in when the group has nothing.
        var ranked = candidates.GroupBy(c => c.ItemId)
            .Where(g => !shown.Contains(g.Key))
            .Select(g => new
            {
                ItemId = g.Key,
                Rank = g.Any(c => c.Facet == FacetNames.Municipality) ? 0 : g.Any(c => c.Facet == FacetNames.MunicipalityGroup) ? 1 : 2,
            })
            .ToList();
        if (ranked.Any(r => r.Rank < 2))
        {
            ranked = ranked.Where(r => r.Rank < 2).ToList();
        }
        var top = ranked.OrderBy(r => r.Rank).ThenByDescending(r => published.GetValueOrDefault(r.ItemId)).Take(MunicipalityCount).ToList();
        var cards = await queries.StoriesAsync(top.Select(r => r.ItemId).ToList(), cancellationToken);
        return cards.Select(card => new ForYouEntry(card, top.First(r => r.ItemId == card.Id).Rank switch
        {
            0 => $"Från din kommun, {own.Name}.",
            1 => $"Från en kommun i samma kommungrupp som {own.Name} ({MunicipalityGroups.Label(own.Group).ToLowerInvariant()}).",
            _ => $"Från en kommun i samma län som {own.Name} ({own.County}).",
        })).ToList();
    }

    private async Task<Dictionary<Guid, DateTime>> FirstPublishedAsync(List<Guid> ids, CancellationToken cancellationToken) =>
        await db.PublishedContent.AsNoTracking().Where(p => ids.Contains(p.ItemId))
            .ToDictionaryAsync(p => p.ItemId, p => p.FirstPublishedAt, cancellationToken);

    private static string InterestReason(IReadOnlyList<string> tags) => tags.Count == 1
        ? $"Du är intresserad av taggen {tags[0]}."
        : $"Du är intresserad av taggarna {string.Join(", ", tags.Take(tags.Count - 1))} och {tags[^1]}.";

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }
        return int.MaxValue;
    }
}
