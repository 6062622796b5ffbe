using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Members;
using EHalsostodet.Core.Members.Notices;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Api;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Members.Notices;

/// <summary>
/// A seeded portal with an editor and a reviewer who publish through the management API, and
/// helpers to follow things and read members' notices and mail.
/// </summary>
internal sealed class NoticesPortal : IDisposable
{
    public const string EditorEmail = "redaktor@example.se";
    public const string ReviewerEmail = "granskare@example.se";

    private NoticesPortal(PortalFactory factory, HttpClient editor, HttpClient reviewer)
    {
        Factory = factory;
        Editor = editor;
        Reviewer = reviewer;
    }

    public PortalFactory Factory { get; }

    public HttpClient Editor { get; private set; }

    public HttpClient Reviewer { get; private set; }

    /// <summary>New bearer tokens, after the test clock has moved past the old ones' lifetime.</summary>
    public async Task SignInAgainAsync()
    {
        Editor.Dispose();
        Reviewer.Dispose();
        Editor = await Factory.BearerClientAsync(EditorEmail);
        Reviewer = await Factory.BearerClientAsync(ReviewerEmail);
    }

    public TestClock? Clock => Factory.Clock;

    public static async Task<NoticesPortal> StartAsync(TestClock? clock = null)
    {
        // The digest job's own timer stays out of the way; tests run the digests themselves.
        var factory = new PortalFactory(clock: clock, settings: new Dictionary<string, string?> { ["Notifications:DigestInterval"] = "01:00:00" });
        await factory.CreateUserAsync(EditorEmail, PortalRoles.Editor);
        await factory.CreateUserAsync(ReviewerEmail, PortalRoles.Reviewer);
        return new NoticesPortal(factory, await factory.BearerClientAsync(EditorEmail), await factory.BearerClientAsync(ReviewerEmail));
    }

    public async Task<string> CreateMemberAsync(string email, MailFrequency? frequency = null, bool confirmed = true)
    {
        var id = await Factory.CreateUserAsync(email, PortalRoles.Member, email.Split('@')[0]);
        await Factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.EmailConfirmed = confirmed;
            if (frequency is { } chosen)
            {
                var profile = await services.GetRequiredService<EHalsostodet.Core.Members.Accounts.MemberProfileStore>().GetOrCreateAsync(id, CancellationToken.None);
                profile.MailFrequency = chosen;
            }
            await db.SaveChangesAsync();
            return true;
        });
        return id;
    }

    public Task FollowAsync(string userId, FollowKind kind, string target) =>
        Factory.WithDbAsync(db =>
        {
            db.Follows.Add(new Follow { UserId = userId, Kind = kind, Target = target, CreatedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });

    public Task FollowStoryAsync(string userId, Guid storyId) => FollowAsync(userId, FollowKind.Story, storyId.ToString("D"));

    public Task FollowTagAsync(string userId, string tagName) => FollowAsync(userId, FollowKind.Tag, Slugs.FromText(tagName));

    public Task FollowCollectionAsync(string userId, Guid collectionId) => FollowAsync(userId, FollowKind.Collection, collectionId.ToString("D"));

    public async Task<IReadOnlyList<MemberNotice>> NoticesAsync(string userId)
    {
        IReadOnlyList<MemberNotice> result = [];
        await Factory.WithDbAsync(async db => result = await db.MemberNotices.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt).ToListAsync());
        return result;
    }

    /// <summary>Mails sent so far to one address, raw (.eml) and parsed.</summary>
    public async Task<IReadOnlyList<(string Raw, Mail Mail)>> MailsToAsync(string email) =>
        (await Factory.DispatchAndReadMailAsync())
            .Select(raw => (raw, Mail.Parse(raw)))
            .Where(m => m.Item2.To.Contains(email, StringComparison.OrdinalIgnoreCase))
            .ToList();

    public Task<int> SendDueDigestsAsync() =>
        Factory.WithScopeAsync(s => s.GetRequiredService<NoticeDigestService>().SendDueDigestsAsync(CancellationToken.None));

    /// <summary>Creates a story with the given tags, has it reviewed and published; returns its id and slug.</summary>
    public async Task<(Guid Id, string Slug)> PublishNewStoryAsync(string title, params string[] tags)
    {
        var id = await CreateDraftStoryAsync(title, tags);
        await ReviewAndPublishAsync(id);
        return (id, Slugs.FromText(title));
    }

    public async Task<Guid> CreateDraftStoryAsync(string title, params string[] tags)
    {
        var document = await NewStoryDocumentAsync(Editor, title);
        document["tags"] = new JsonArray(tags.Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
        using var response = await Editor.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document, changeNote = "Ny berättelse" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }

    /// <summary>The internal change note <see cref="RepublishAsync"/> saves with, which members must never see.</summary>
    public const string InternalNote = "Intern anteckning: rättat efter mejl från Kalle";

    /// <summary>
    /// Saves a new version (through the API, with an internal change note) and publishes it, with
    /// <paramref name="publicChangeNote"/> as the public "what changed" text given when it is sent to review.
    /// </summary>
    public async Task RepublishAsync(Guid id, string publicChangeNote, Action<JsonObject>? edit = null)
    {
        var details = await DetailsAsync(Editor, id);
        var document = details["document"]!.DeepClone().AsObject();
        edit?.Invoke(document);
        using var response = await Editor.PutAsJsonAsync($"{Prefix}/content/{id}", new { document, baseVersion = details["latestVersion"]!.GetValue<int>(), changeNote = InternalNote });
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        await ReviewAndPublishAsync(id, publicChangeNote);
    }

    /// <summary>Saves a new version without a change note (as the back-office editor allows) and publishes it.</summary>
    public async Task RepublishWithoutChangeNoteAsync(Guid id, Action<JsonObject> edit)
    {
        var details = await DetailsAsync(Editor, id);
        var document = details["document"]!.DeepClone().AsObject();
        edit(document);
        var itemType = ContentTypeNames.TryParseKey(details["type"]!.GetValue<string>(), out var parsed) ? parsed : ContentType.Story;
        await Factory.WithScopeAsync(async services =>
        {
            var saved = await services.GetRequiredService<ContentStore>().SaveAsync(
                id, ContentDocumentSerializer.Deserialize(itemType, document), null, new ContentAuthor(null, "Redaktören"), "");
            Assert.IsInstanceOfType<SaveResult.Saved>(saved);
            return true;
        });
        await ReviewAndPublishAsync(id);
    }

    public async Task ReviewAndPublishAsync(Guid id, string? publicChangeNote = null)
    {
        await ActOkAsync(Editor, id, "submit", new { publicChangeNote });
        Assert.AreEqual("published", await ActOkAsync(Reviewer, id, "approve"));
    }

    /// <summary>Creates and publishes a collection of the given (published) stories.</summary>
    public async Task<(Guid Id, string Slug)> PublishNewCollectionAsync(string title, params Guid[] storyIds)
    {
        var list = await GetJsonAsync<JsonArray>(Editor, $"{Prefix}/content?type=collection");
        var seedId = list.Select(n => n!["id"]!.GetValue<Guid>()).First();
        var document = (await DetailsAsync(Editor, seedId))["document"]!.DeepClone().AsObject();
        document["title"] = title;
        document["slug"] = Slugs.FromText(title);
        document["storyIds"] = new JsonArray(storyIds.Select(s => (JsonNode)JsonValue.Create(s.ToString("D"))).ToArray());
        using var response = await Editor.PostAsJsonAsync($"{Prefix}/content", new { type = "collection", document, changeNote = "Ny samling" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, body);
        var id = JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
        await ReviewAndPublishAsync(id);
        return (id, Slugs.FromText(title));
    }

    /// <summary>Ids of published seed stories.</summary>
    public async Task<IReadOnlyList<Guid>> SeedStoryIdsAsync()
    {
        var list = await GetJsonAsync<JsonArray>(Editor, $"{Prefix}/content?type=story");
        return list.Select(n => n!.AsObject()).Where(n => n["state"]!.GetValue<string>() == "published").Select(n => n["id"]!.GetValue<Guid>()).ToList();
    }

    public void Dispose()
    {
        Editor.Dispose();
        Reviewer.Dispose();
        Factory.Dispose();
    }
}
