using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Members;
using EHalsostodet.Core.Members.Notices;
using EHalsostodet.Core.Members.OwnCollections;
using EHalsostodet.Core.Members.Plans;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Tests.Infrastructure;
using EHalsostodet.Tests.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Security;

/// <summary>
/// What a security test class adds to its portal: one account per role and something real behind every
/// route parameter: published items of each type, a media file, a member's own collection and action plan
/// (both shared) and the member's unsubscribe token. <see cref="Url"/> fills a URL template's {placeholders} with them.
/// </summary>
internal sealed class SecurityPortal
{
    public const string Anonymous = "anonym";
    public static readonly string[] Roles = [Anonymous, PortalRoles.Member, PortalRoles.Editor, PortalRoles.Reviewer, PortalRoles.Administrator];

    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    private SecurityPortal(PortalFactory factory) => Factory = factory;

    public PortalFactory Factory { get; }

    /// <summary>A cookie client per role (anonymous: none), signed in through the login form.</summary>
    public Dictionary<string, HttpClient> Clients { get; } = new(StringComparer.Ordinal);

    public string MemberId { get; private set; } = "";

    public static string EmailOf(string role) => role switch
    {
        PortalRoles.Member => "sakerhet-medlem@example.se",
        PortalRoles.Editor => "sakerhet-redaktor@example.se",
        PortalRoles.Reviewer => "sakerhet-granskare@example.se",
        PortalRoles.Administrator => "sakerhet-admin@example.se",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Adds the accounts, their clients and the seeded values to a portal (the caller disposes both).</summary>
    public static async Task<SecurityPortal> SeedAsync(PortalFactory factory)
    {
        var portal = new SecurityPortal(factory);
        await portal.SeedAsync();
        return portal;
    }

    public string Url(string template)
    {
        foreach (var (name, value) in values)
        {
            template = template.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }
        return template;
    }

    public string Value(string name) => values[name];

    private async Task SeedAsync()
    {
        var factory = Factory;
        Clients[Anonymous] = factory.CreateBrowserClient();
        foreach (var role in Roles.Skip(1))
        {
            var id = await factory.CreateUserAsync(EmailOf(role), role, role + " Testsson");
            if (role == PortalRoles.Member)
            {
                MemberId = id;
            }
            Clients[role] = await factory.SignInAsync(EmailOf(role));
        }

        foreach (var (type, name) in new[] { (ContentType.Story, "story"), (ContentType.Collection, "collection"), (ContentType.Initiative, "initiative"), (ContentType.Page, "page") })
        {
            var row = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
                .Where(p => p.Type == type).OrderBy(p => p.Slug).FirstAsync());
            values[name] = row.Slug;
            values[name + "Id"] = row.ItemId.ToString();
        }
        values["tag"] = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedFacets.AsNoTracking()
            .Where(f => f.Facet == FacetNames.Tag).OrderBy(f => f.Value).Select(f => f.Value).FirstAsync());
        values["unknown"] = Guid.NewGuid().ToString();

        using (var editor = await factory.BearerClientAsync(EmailOf(PortalRoles.Editor)))
        using (var upload = await editor.PostAsync(new Uri("/api/management/v1/media", UriKind.Relative),
                   MediaLibraryTests.Upload(TestImages.PlainJpeg, "bild.jpg", "image/jpeg", "En bild")))
        {
            var body = await upload.Content.ReadAsStringAsync();
            Assert.AreEqual(HttpStatusCode.Created, upload.StatusCode, body);
            values["media"] = JsonNode.Parse(body)!["id"]!.GetValue<string>();
        }

        var storyId = Guid.Parse(values["storyId"]);
        await factory.WithScopeAsync(async s =>
        {
            var collections = s.GetRequiredService<OwnCollectionService>();
            var collection = await collections.CreateAsync(MemberId, new OwnCollectionInput("Min samling", ""), CancellationToken.None);
            await collections.AddStoryAsync(MemberId, collection, storyId, CancellationToken.None);
            values["ownCollection"] = collection.ToString();
            values["collectionToken"] = (await collections.ShareAsync(MemberId, collection, CancellationToken.None))!;

            var plans = s.GetRequiredService<ActionPlanService>();
            var plan = (await plans.CreateFromStoryAsync(MemberId, storyId, CancellationToken.None))!.Value;
            values["plan"] = plan.ToString();
            values["planToken"] = (await plans.ShareAsync(MemberId, plan, CancellationToken.None))!;

            await s.GetRequiredService<MailPreferences>().SetAsync(MemberId, MailFrequency.Daily, CancellationToken.None);
            values["unsubscribeToken"] = await s.GetRequiredService<PortalDbContext>().MemberProfiles
                .Where(p => p.UserId == MemberId).Select(p => p.UnsubscribeToken).SingleAsync();
            return true;
        });
    }
}
