using System.Text.Json;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Members.Privacy;

/// <summary>Collects a member's data from the account and every member table, whoever writes them, for download.</summary>
public sealed class MemberDataExporter(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<MemberDataExport?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }
        var roles = await users.GetRolesAsync(user);
        var profile = await db.MemberProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var saved = await db.SavedItems.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.SavedAt).ToListAsync(cancellationToken);
        var collections = await db.MemberCollections.AsNoTracking().Include(c => c.Items)
            .Where(c => c.UserId == userId).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var follows = await db.Follows.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.CreatedAt).ToListAsync(cancellationToken);
        var plans = await db.ActionPlans.AsNoTracking().Include(p => p.Steps).Include(p => p.Tasks)
            .Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var notices = await db.MemberNotices.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken);

        var itemIds = saved.Select(s => s.ItemId)
            .Concat(collections.SelectMany(c => c.Items).Select(i => i.StoryId))
            .Concat(plans.Select(p => p.StoryId))
            .Concat(follows.Where(f => f.Kind != FollowKind.Tag).Select(f => Guid.TryParse(f.Target, out var id) ? id : Guid.Empty))
            .Distinct().ToList();
        var published = await db.PublishedContent.AsNoTracking().Where(p => itemIds.Contains(p.ItemId))
            .Select(p => new { p.ItemId, p.Type, p.Slug, p.Title })
            .ToDictionaryAsync(p => p.ItemId, cancellationToken);
        var tagSlugs = follows.Where(f => f.Kind == FollowKind.Tag).Select(f => f.Target).ToList();
        var tagNames = await db.Tags.AsNoTracking().Where(t => tagSlugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, t => t.Name, cancellationToken);
        var municipality = profile?.MunicipalityCode is { } code
            ? await db.Municipalities.AsNoTracking().Where(m => m.Code == code).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken)
            : null;

        var lastSignIn = await db.AccountActivities.AsNoTracking().Where(a => a.UserId == userId).Select(a => (DateTime?)a.LastSignInAt).FirstOrDefaultAsync(cancellationToken);

        string? Title(Guid id) => published.TryGetValue(id, out var p) ? p.Title : null;
        return new MemberDataExport(
            clock.GetUtcNow().UtcDateTime,
            new ExportedAccount(user.Email ?? "", user.DisplayName, roles.ToList(), user.EmailConfirmed, profile?.CreatedAt, lastSignIn),
            profile is null ? null : new ExportedProfile(
                profile.Role, profile.Role is null ? null : MemberRoles.Label(profile.Role), profile.MunicipalityCode, municipality,
                profile.Areas, profile.Interests, profile.MailFrequency.ToString(), profile.CreatedAt),
            saved.Select(s => published.TryGetValue(s.ItemId, out var p)
                ? new ExportedSavedItem(s.ItemId, p.Type.Key(), p.Title, PortalPaths.Of(p.Type, p.Slug), s.SavedAt)
                : new ExportedSavedItem(s.ItemId, null, null, null, s.SavedAt)).ToList(),
            collections.Select(c => new ExportedCollection(c.Id, c.Name, c.Description, c.ShareToken is not null, c.CreatedAt, c.UpdatedAt,
                c.Items.OrderBy(i => i.Position).Select(i => new ExportedCollectionStory(i.StoryId, Title(i.StoryId), i.Position, i.AddedAt)).ToList())).ToList(),
            follows.Select(f => new ExportedFollow(f.Kind.ToString(), f.Target,
                f.Kind == FollowKind.Tag ? tagNames.GetValueOrDefault(f.Target) : Guid.TryParse(f.Target, out var id) ? Title(id) : null,
                f.CreatedAt)).ToList(),
            notices.Select(n => new ExportedNotice(n.Kind.ToString(), n.Text, n.Url, n.CreatedAt, n.ReadAt, n.MailedAt)).ToList(),
            plans.Select(p => new ExportedActionPlan(p.Id, p.Title, p.StoryId, Title(p.StoryId), p.ShareToken is not null, p.CreatedAt, p.UpdatedAt,
                Enum.GetValues<ProcessStepKind>().Select(step => new ExportedActionPlanStep(step.Label(),
                    p.Steps.FirstOrDefault(s => s.Step == step)?.Notes ?? "",
                    p.Tasks.Where(t => t.Step == step).OrderBy(t => t.Position).Select(t => new ExportedActionPlanTask(t.Text, t.Owner, t.DueDate, t.Done)).ToList())).ToList())).ToList());
    }
}
